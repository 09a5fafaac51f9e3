import type { Actor, Role } from '@app/contracts';

/**
 * The authenticated caller, built from verified token claims (API.md,
 * "Authentication"). Only the claims that mean something for the role are
 * kept, so an ownership check can never match on a stray claim.
 */
export interface Principal {
  sub: string;
  role: Role;
  /** vendor: manufacturer SIRET; evaluator: evaluation body id; operator: telemonitoring operator id. */
  org?: string;
  /** physician only. */
  rpps?: string;
  /** physician only, e.g. `cardiology`, `general_practice`. */
  specialty?: string;
  /** patient only: HMAC-SHA256 of the NIR, never the NIR itself. */
  pseudonym?: string;
}

/** The `actor` of events and audit entries for this caller. */
export const actorOf = (principal: Principal): Actor => ({ id: principal.sub, role: principal.role });
