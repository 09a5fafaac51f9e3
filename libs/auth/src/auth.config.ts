import { DEV_JWT_SECRET } from './dev-secrets';

export const AUTH_CONFIG = Symbol('AUTH_CONFIG');

/**
 * How tokens are verified. With a public key (PEM) or a JWKS URL only RS256 is
 * accepted; otherwise (development) only HS256 with `jwtSecret`. PEM wins over
 * JWKS when both are set, as it needs no network.
 */
export interface AuthConfig {
  jwtSecret: string;
  jwtPublicKey?: string;
  jwksUrl?: string;
  /** Pinned `iss` / `aud` when set. */
  issuer?: string;
  audience?: string;
  /** Allowed clock skew between the token issuer and us, in seconds. */
  clockToleranceSeconds: number;
  /** Longest accepted `exp - iat`, in seconds; never above MAX_TOKEN_LIFETIME_SECONDS (the default). */
  maxLifetimeSeconds?: number;
}

/** 12 hours: a stolen token is worth one working day at most, in every environment. */
export const MAX_TOKEN_LIFETIME_SECONDS = 12 * 3600;

export type VerificationMode = 'hs256' | 'rs256-pem' | 'rs256-jwks';

export const verificationMode = (config: AuthConfig): VerificationMode =>
  config.jwtPublicKey ? 'rs256-pem' : config.jwksUrl ? 'rs256-jwks' : 'hs256';

const DEFAULT_CLOCK_TOLERANCE_SECONDS = 30;

/**
 * A config from explicit settings, defaults filled. Services get theirs from
 * the platform configuration, validated once at start-up (the service kit
 * wires it); this library never reads the environment.
 */
export const authConfig = (settings: Partial<AuthConfig>): AuthConfig => ({
  ...settings,
  jwtSecret: settings.jwtSecret ?? DEV_JWT_SECRET,
  clockToleranceSeconds: settings.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS,
});
