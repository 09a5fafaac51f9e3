import { envString } from '@app/service-kit';

/**
 * `CORS_ORIGINS`: the browser origins allowed to call the API, comma-separated
 * (`https://console.example.org,http://localhost:5173`). Each one exactly as
 * a browser sends it in `Origin` (scheme, host, port; no path, no `*`): a
 * wildcard would let any web page spend a signed-in user's token budget.
 */
export const envOriginList = () =>
  envString().transform((value, ctx) => {
    const list = value.split(',').map((item) => item.trim()).filter(Boolean);
    const bad = list.find((item) => !isOrigin(item));
    if (bad !== undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `must be a comma-separated list of origins (scheme://host[:port], no path), e.g. https://console.example.org; got "${bad}"`,
      });
    }
    return list;
  });

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}
