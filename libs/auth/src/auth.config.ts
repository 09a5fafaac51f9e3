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
}

export type VerificationMode = 'hs256' | 'rs256-pem' | 'rs256-jwks';

export const verificationMode = (config: AuthConfig): VerificationMode =>
  config.jwtPublicKey ? 'rs256-pem' : config.jwksUrl ? 'rs256-jwks' : 'hs256';

const DEFAULT_CLOCK_TOLERANCE_SECONDS = 30;

/** A config from explicit settings (e.g. the service's validated config), defaults filled. */
export const authConfig = (settings: Partial<AuthConfig>): AuthConfig => ({
  ...settings,
  jwtSecret: settings.jwtSecret ?? DEV_JWT_SECRET,
  clockToleranceSeconds: settings.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS,
});

/**
 * Reads JWT_SECRET, JWT_PUBLIC_KEY, JWT_JWKS_URL, JWT_ISSUER, JWT_AUDIENCE and
 * JWT_CLOCK_TOLERANCE_SECONDS. Throws naming the variable when one is malformed.
 */
export function authConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const blank = (name: string) => (env[name]?.trim() ? env[name]!.trim() : undefined);
  // A PEM often travels in one line with literal "\n" in container settings.
  const jwtPublicKey = blank('JWT_PUBLIC_KEY')?.replace(/\\n/g, '\n');
  if (jwtPublicKey && !jwtPublicKey.includes('-----BEGIN')) throw new Error('JWT_PUBLIC_KEY must be a PEM public key');
  const jwksUrl = blank('JWT_JWKS_URL');
  if (jwksUrl && !/^https?:\/\//.test(jwksUrl)) throw new Error('JWT_JWKS_URL must be an http(s) URL');
  const jwtSecret = blank('JWT_SECRET') ?? DEV_JWT_SECRET;
  const usesPublicKey = Boolean(jwtPublicKey || jwksUrl);
  if (env.NODE_ENV === 'production' && !usesPublicKey && jwtSecret === DEV_JWT_SECRET) {
    throw new Error('JWT_SECRET is required in production (or JWT_PUBLIC_KEY / JWT_JWKS_URL) and must not be the development default');
  }
  const tolerance = blank('JWT_CLOCK_TOLERANCE_SECONDS') ?? String(DEFAULT_CLOCK_TOLERANCE_SECONDS);
  if (!/^\d{1,4}$/.test(tolerance)) throw new Error('JWT_CLOCK_TOLERANCE_SECONDS must be an integer of seconds');
  return {
    jwtSecret,
    jwtPublicKey,
    jwksUrl,
    issuer: blank('JWT_ISSUER'),
    audience: blank('JWT_AUDIENCE'),
    clockToleranceSeconds: Number(tolerance),
  };
}
