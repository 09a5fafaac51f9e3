import { isRateLimitExempt } from './rate-limit-exempt';

describe('what the rate limit does not count', () => {
  it('skips probes, the metrics scrape and the API documents', () => {
    for (const path of ['/health/live', '/health/ready', '/health/ready/details', '/metrics', '/docs', '/docs/services.json', '/docs/prescription/json', '/metrics?x=1']) {
      expect(isRateLimitExempt(path)).toBe(true);
    }
  });

  it('counts the API and any look-alike path', () => {
    for (const path of ['/v1/devices', '/v1/patients/me/export', '/healthz', '/metricsx', '/docsearch', '/', '/HEALTH/live', '/v1/health']) {
      expect(isRateLimitExempt(path)).toBe(false);
    }
  });
});
