import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';
import { CLIENT_CORRELATION_ID_HEADER, CORRELATION_ID_HEADER, IDEMPOTENCY_KEY_HEADER, IDEMPOTENCY_REPLAYED_HEADER } from '@app/service-kit';

/** What a browser client sends (API.md: the token, JSON bodies, Idempotency-Key on writes, its own correlation id). */
export const CORS_REQUEST_HEADERS = ['authorization', 'content-type', IDEMPOTENCY_KEY_HEADER, CORRELATION_ID_HEADER];

/** What it may read back beyond the CORS-safelisted headers. */
export const CORS_EXPOSED_HEADERS = [
  CORRELATION_ID_HEADER,
  CLIENT_CORRELATION_ID_HEADER,
  IDEMPOTENCY_REPLAYED_HEADER,
  'location',
  'retry-after',
  'ratelimit',
  'ratelimit-policy',
];

/**
 * CORS for the configured origins only, or none at all (no origin listed:
 * the gateway sends no CORS header, and browsers keep every other site out).
 * An unlisted origin gets no Access-Control-Allow-Origin, which is the
 * refusal. No credentials: the API authenticates by the Authorization header,
 * never by cookies.
 */
export function corsOptions(origins: readonly string[]): CorsOptions | undefined {
  if (origins.length === 0) return undefined;
  return {
    origin: [...origins],
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: CORS_REQUEST_HEADERS,
    exposedHeaders: CORS_EXPOSED_HEADERS,
    credentials: false,
    // Browsers cap it (Chromium at 2 hours); 10 minutes keeps a changed list quick to apply.
    maxAge: 600,
    optionsSuccessStatus: 204,
  };
}
