import { tokenInvalid, tokenLivesTooLong } from './auth.errors';
import { MAX_TOKEN_LIFETIME_SECONDS } from './auth.config';

/**
 * A token's signature and `exp` are checked by jsonwebtoken; this bounds how
 * long it may live at all: `iat` is required, not in the future (beyond the
 * clock tolerance), and `exp - iat` at most the configured lifetime, itself
 * capped at 12 hours whatever the configuration says.
 */
export function checkTokenLifetime(
  claims: unknown,
  settings: { maxLifetimeSeconds?: number; clockToleranceSeconds: number },
  nowSeconds: number,
): void {
  const c = (typeof claims === 'object' && claims !== null ? claims : {}) as Record<string, unknown>;
  if (typeof c.iat !== 'number' || !Number.isFinite(c.iat)) throw tokenInvalid("claim 'iat' (issued at) is required");
  if (typeof c.exp !== 'number') throw tokenInvalid("claim 'exp' is required");
  if (c.iat > nowSeconds + settings.clockToleranceSeconds) throw tokenInvalid("claim 'iat' is in the future");
  const max = Math.min(settings.maxLifetimeSeconds ?? MAX_TOKEN_LIFETIME_SECONDS, MAX_TOKEN_LIFETIME_SECONDS);
  const lifetime = c.exp - c.iat;
  if (lifetime > max) throw tokenLivesTooLong(lifetime, max);
}
