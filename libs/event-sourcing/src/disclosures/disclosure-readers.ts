import { DomainError, ERROR_CODES } from '@app/contracts';

/** The reader of a text that every physician may read (a device's reason bears on every prescriber). */
export const ANY_PHYSICIAN = 'physician:*';
export const physicianReader = (rpps: string): `physician:${string}` => `physician:${rpps}`;

/** What the rule needs of the caller (a token's role and RPPS). */
export interface DisclosureCaller {
  role: string;
  rpps?: string;
}

/** The roles that may ask for disclosures at all; everyone else is refused before anything is read. */
export const DISCLOSURE_ROLES = ['auditor', 'physician'] as const;

export function assertMayAskForDisclosures(caller: DisclosureCaller): void {
  if (!(DISCLOSURE_ROLES as readonly string[]).includes(caller.role)) {
    throw new DomainError(ERROR_CODES.forbidden, `Role ${caller.role} may not read disclosed texts (auditor, physician)`, 'forbidden');
  }
}

/**
 * Auditors read every disclosed text. A physician reads a text whose readers
 * name them (`physician:<rpps>` of their token) or every physician
 * (`physician:*`). Nobody else reads any.
 */
export function mayReadDisclosure(caller: DisclosureCaller, readers: readonly string[]): boolean {
  if (caller.role === 'auditor') return true;
  if (caller.role !== 'physician' || !caller.rpps) return false;
  return readers.includes(ANY_PHYSICIAN) || readers.includes(physicianReader(caller.rpps));
}
