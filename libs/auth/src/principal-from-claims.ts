import { isRole, type Role } from '@app/contracts';
import { isPseudonym, validateRpps, validateSiret } from '@app/fr-health';
import { tokenInvalid } from './auth.errors';
import type { Principal } from './principal';

const ORG_ROLES: readonly Role[] = ['vendor', 'evaluator', 'operator'];
const SPECIALTY = /^[a-z][a-z_]{1,63}$/;

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;

/**
 * Checks the claims of a token whose signature and times were already verified,
 * and keeps the ones the role needs. Throws AUTH.TOKEN_INVALID naming the claim.
 */
export function principalFromClaims(claims: unknown): Principal {
  if (typeof claims !== 'object' || claims === null) throw tokenInvalid('payload must be a JSON object');
  const c = claims as Record<string, unknown>;
  if (!nonEmpty(c.sub)) throw tokenInvalid("claim 'sub' is required");
  if (!isRole(c.role)) throw tokenInvalid(`claim 'role' must be one of the platform roles; got ${JSON.stringify(c.role ?? null)}`);
  if (typeof c.exp !== 'number') throw tokenInvalid("claim 'exp' is required");
  const principal: Principal = { sub: c.sub, role: c.role };

  if (ORG_ROLES.includes(c.role)) {
    if (!nonEmpty(c.org)) throw tokenInvalid(`claim 'org' is required for role ${c.role}`);
    if (c.role === 'vendor') {
      const siret = validateSiret(c.org);
      if (!siret.ok) throw tokenInvalid(`claim 'org' of a vendor must be its SIRET: ${siret.reason}`);
    }
    principal.org = c.org;
  }
  if (c.role === 'physician') {
    const rpps = validateRpps(c.rpps);
    if (!rpps.ok) throw tokenInvalid(`claim 'rpps' is required for role physician: ${rpps.reason}`);
    if (typeof c.specialty !== 'string' || !SPECIALTY.test(c.specialty)) {
      throw tokenInvalid("claim 'specialty' is required for role physician (lowercase, e.g. cardiology)");
    }
    principal.rpps = rpps.value;
    principal.specialty = c.specialty;
  }
  if (c.role === 'patient') {
    if (!isPseudonym(c.pseudonym)) throw tokenInvalid("claim 'pseudonym' is required for role patient (64 lowercase hex)");
    principal.pseudonym = c.pseudonym;
  }
  return principal;
}
