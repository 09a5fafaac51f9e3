import { authConfig, authConfigFromEnv, verificationMode } from './auth.config';
import { DEV_JWT_SECRET } from './dev-secrets';

const PEM = '-----BEGIN PUBLIC KEY-----\\nMIIB\\n-----END PUBLIC KEY-----';

describe('authConfigFromEnv', () => {
  it('defaults to HS256 with the development secret', () => {
    const config = authConfigFromEnv({});
    expect(config).toMatchObject({ jwtSecret: DEV_JWT_SECRET, clockToleranceSeconds: 30 });
    expect(verificationMode(config)).toBe('hs256');
  });

  it('switches to RS256 with a PEM (escaped newlines restored) or a JWKS URL', () => {
    const pem = authConfigFromEnv({ JWT_PUBLIC_KEY: PEM });
    expect(pem.jwtPublicKey).toContain('\nMIIB\n');
    expect(verificationMode(pem)).toBe('rs256-pem');
    expect(verificationMode(authConfigFromEnv({ JWT_JWKS_URL: 'https://idp.example/jwks.json' }))).toBe('rs256-jwks');
  });

  it('names the variable that is malformed', () => {
    expect(() => authConfigFromEnv({ JWT_PUBLIC_KEY: 'not a pem' })).toThrow(/JWT_PUBLIC_KEY/);
    expect(() => authConfigFromEnv({ JWT_JWKS_URL: 'ftp://x' })).toThrow(/JWT_JWKS_URL/);
    expect(() => authConfigFromEnv({ JWT_CLOCK_TOLERANCE_SECONDS: '-1' })).toThrow(/JWT_CLOCK_TOLERANCE_SECONDS/);
  });

  it('refuses the development secret in production', () => {
    expect(() => authConfigFromEnv({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET is required in production/);
    expect(authConfigFromEnv({ NODE_ENV: 'production', JWT_SECRET: 'a-real-secret-of-some-length' }).jwtSecret).toBe(
      'a-real-secret-of-some-length',
    );
    expect(verificationMode(authConfigFromEnv({ NODE_ENV: 'production', JWT_PUBLIC_KEY: PEM }))).toBe('rs256-pem');
  });
});

describe('authConfig', () => {
  it('fills defaults for settings left out or undefined', () => {
    expect(authConfig({ jwtSecret: undefined, jwksUrl: 'https://idp/jwks' })).toMatchObject({
      jwtSecret: DEV_JWT_SECRET,
      clockToleranceSeconds: 30,
      jwksUrl: 'https://idp/jwks',
    });
  });
});
