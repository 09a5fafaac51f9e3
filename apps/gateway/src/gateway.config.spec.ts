import { ConfigError } from '@app/service-kit';
import { loadGatewayConfig } from './gateway.config';

const load = (env: Record<string, string>) => loadGatewayConfig({ NODE_ENV: 'test', ...env }, { defaultPort: 3000 });
const problemsOf = (env: Record<string, string>): string[] => {
  try {
    load(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe("the gateway's edge settings", () => {
  it('defaults to 600 requests a minute, no CORS origin, the socket address and the shared prefix', () => {
    expect(load({})).toMatchObject({
      RATE_LIMIT_PER_MINUTE: 600,
      CORS_ORIGINS: [],
      TRUST_PROXY_HOPS: 0,
      RATE_LIMIT_KEY_PREFIX: 'gateway:rate-limit:',
    });
    // Compose files export `VAR=`: empty is unset.
    expect(load({ RATE_LIMIT_PER_MINUTE: '', CORS_ORIGINS: '' })).toMatchObject({ RATE_LIMIT_PER_MINUTE: 600, CORS_ORIGINS: [] });
  });

  it('reads a limit, a list of origins and trusted proxy hops', () => {
    const config = load({
      RATE_LIMIT_PER_MINUTE: '1000000',
      CORS_ORIGINS: 'https://console.example.org, http://localhost:5173',
      TRUST_PROXY_HOPS: '1',
      RATE_LIMIT_KEY_PREFIX: 'staging:gateway:',
    });
    expect(config).toMatchObject({
      RATE_LIMIT_PER_MINUTE: 1_000_000,
      CORS_ORIGINS: ['https://console.example.org', 'http://localhost:5173'],
      TRUST_PROXY_HOPS: 1,
      RATE_LIMIT_KEY_PREFIX: 'staging:gateway:',
    });
  });

  it('refuses a bad RATE_LIMIT_PER_MINUTE at start-up, naming it', () => {
    expect(problemsOf({ RATE_LIMIT_PER_MINUTE: 'lots' })).toEqual(['RATE_LIMIT_PER_MINUTE must be an integer between 1 and 1000000000']);
    expect(problemsOf({ RATE_LIMIT_PER_MINUTE: '0' })).toEqual(['RATE_LIMIT_PER_MINUTE must be at least 1']);
    expect(problemsOf({ RATE_LIMIT_PER_MINUTE: '-5' })).toEqual(['RATE_LIMIT_PER_MINUTE must be an integer between 1 and 1000000000']);
    expect(problemsOf({ RATE_LIMIT_PER_MINUTE: '60.5' })).toHaveLength(1);
  });

  it('refuses an origin that is not one (a path, a wildcard, no scheme), quoting it', () => {
    for (const bad of ['https://console.example.org/', '*', 'console.example.org', 'https://a.example.org/app', 'ftp://files.example.org']) {
      const problems = problemsOf({ CORS_ORIGINS: `https://ok.example.org,${bad}` });
      expect(problems).toEqual([expect.stringMatching(/^CORS_ORIGINS must be a comma-separated list of origins/)]);
      expect(problems[0]).toContain(`got "${bad}"`);
    }
  });

  it('refuses unbounded proxy hops and an odd key prefix', () => {
    expect(problemsOf({ TRUST_PROXY_HOPS: '11', RATE_LIMIT_KEY_PREFIX: 'has space' }).sort()).toEqual([
      'TRUST_PROXY_HOPS must be at most 10',
      'RATE_LIMIT_KEY_PREFIX must be 1 to 100 letters, digits or : . _ -',
    ].sort());
  });
});
