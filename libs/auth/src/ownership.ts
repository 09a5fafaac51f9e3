import type { Role } from '@app/contracts';
import type { Principal } from './principal';

// Pure checks for handlers and queries; each requires the role too, so a
// claim that happens to match never grants access to another role.

export const hasRole = (principal: Principal, ...roles: Role[]): boolean => roles.includes(principal.role);

/** The vendor whose SIRET (`org`) is the product's manufacturer SIRET. */
export const isVendorOf = (principal: Principal, manufacturerSiret: string): boolean =>
  principal.role === 'vendor' && principal.org === manufacturerSiret;

export const isEvaluatorOf = (principal: Principal, evaluationBodyId: string): boolean =>
  principal.role === 'evaluator' && principal.org === evaluationBodyId;

export const isOperatorOf = (principal: Principal, operatorId: string): boolean =>
  principal.role === 'operator' && principal.org === operatorId;

/** The physician who wrote it (prescriptions record the prescriber's RPPS). */
export const isPhysicianWithRpps = (principal: Principal, rpps: string): boolean =>
  principal.role === 'physician' && principal.rpps === rpps;

/** The patient themself (resources record the patient pseudonym, never the NIR). */
export const isPatientWithPseudonym = (principal: Principal, pseudonym: string): boolean =>
  principal.role === 'patient' && principal.pseudonym === pseudonym;
