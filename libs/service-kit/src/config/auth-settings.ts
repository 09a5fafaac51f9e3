import type { AuthConfig } from '@app/auth';
import type { PlatformConfig } from './platform-config.schema';

/** The auth guard's settings from the platform configuration: validated once, at start-up, with the rest. */
export const authSettingsOf = (config: PlatformConfig): AuthConfig => ({
  jwtSecret: config.JWT_SECRET,
  jwtPublicKey: config.JWT_PUBLIC_KEY,
  jwksUrl: config.JWT_JWKS_URL,
  issuer: config.JWT_ISSUER,
  audience: config.JWT_AUDIENCE,
  clockToleranceSeconds: config.JWT_CLOCK_TOLERANCE_SECONDS,
  maxLifetimeSeconds: config.JWT_MAX_TOKEN_LIFETIME_SECONDS,
});
