import { authConfig, verificationMode } from './auth.config';
import { DEV_JWT_SECRET } from './dev-secrets';

describe('authConfig', () => {
  it('fills defaults for settings left out or undefined', () => {
    expect(authConfig({ jwtSecret: undefined, jwksUrl: 'https://idp/jwks' })).toMatchObject({
      jwtSecret: DEV_JWT_SECRET,
      clockToleranceSeconds: 30,
      jwksUrl: 'https://idp/jwks',
    });
  });
});

describe('verificationMode', () => {
  it('is HS256 with a secret only, RS256 with a PEM (preferred: no network) or a JWKS URL', () => {
    expect(verificationMode(authConfig({ jwtSecret: DEV_JWT_SECRET }))).toBe('hs256');
    const pem = '-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----';
    expect(verificationMode(authConfig({ jwtPublicKey: pem, jwksUrl: 'https://idp/jwks' }))).toBe('rs256-pem');
    expect(verificationMode(authConfig({ jwksUrl: 'https://idp/jwks' }))).toBe('rs256-jwks');
  });
});
