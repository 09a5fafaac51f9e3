import { corsOptions } from './cors-options';

describe('CORS of the gateway', () => {
  it('is off without configured origins', () => {
    expect(corsOptions([])).toBeUndefined();
  });

  it("allows exactly the listed origins, the platform's request headers, no credentials", () => {
    const options = corsOptions(['https://console.example.org'])!;
    expect(options.origin).toEqual(['https://console.example.org']);
    expect(options.allowedHeaders).toEqual(['authorization', 'content-type', 'idempotency-key', 'x-correlation-id']);
    expect(options.exposedHeaders).toEqual(expect.arrayContaining(['x-correlation-id', 'x-client-correlation-id', 'idempotency-replayed', 'retry-after']));
    expect(options.credentials).toBe(false);
  });
});
