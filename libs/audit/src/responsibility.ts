import type { AuditEntry } from '@app/contracts';

/** The parties of DOMAIN.md "Responsibility" (role names of API.md). */
export const PARTIES = ['vendor', 'evaluator', 'physician', 'patient', 'operator', 'claims_processor', 'system'] as const;
export type Party = (typeof PARTIES)[number];

const isParty = (value: unknown): value is Party => typeof value === 'string' && (PARTIES as readonly string[]).includes(value);

/** What the dossier knows beyond the entry itself. */
export interface ResponsibilityContext {
  /** The prescriber overrode the HOME_COVERAGE warning (DOMAIN.md: coverage incidents are then theirs). */
  homeCoverageOverridden: boolean;
}

const VENDOR_DEVICE_STEPS = new Set(['REGISTERED', 'UPDATED', 'SUBMITTED']);

/**
 * Who decides and answers for a step (DOMAIN.md "Responsibility"). Consent is
 * the patient's whoever recorded it; a connectivity incident follows its
 * cause; otherwise the kind of subject decides, and steps the platform took
 * by itself (expiry, billing runs) are the system's.
 */
export function partyOf(entry: AuditEntry, context: ResponsibilityContext): Party {
  const action = String(entry.action ?? '').toLowerCase();
  if (action.includes('incident')) return incidentParty(entry, context);
  if (action.includes('consent')) return 'patient';
  if (entry.actor?.role === 'system') return 'system';
  const kind = String(entry.subject ?? '').split(':')[0];
  switch (kind) {
    case 'device':
      return VENDOR_DEVICE_STEPS.has(entry.decision) || entry.actor?.role === 'vendor' ? 'vendor' : 'evaluator';
    case 'prescription':
    case 'attempt':
      return 'physician';
    case 'enrolment':
      return entry.actor?.role === 'physician' ? 'physician' : 'operator';
    case 'claim':
      // The payee who contests a rejection answers for the contest; every other step of a claim is the processors' side.
      return entry.actor?.role === 'operator' || entry.actor?.role === 'vendor' ? entry.actor.role : 'claims_processor';
    default:
      return isParty(entry.actor?.role) ? entry.actor.role : 'system';
  }
}

/**
 * NETWORK_COVERAGE is the prescriber's when they overrode HOME_COVERAGE, the
 * operator's otherwise; DEVICE_FAULT the vendor's; PATIENT the patient's;
 * UNKNOWN (or no cause yet) the operator's until closed with a cause.
 */
export function incidentParty(entry: AuditEntry, { homeCoverageOverridden }: ResponsibilityContext): Party {
  const evidence = entry.evidence ?? {};
  const incident = (typeof evidence.incident === 'object' && evidence.incident) || evidence;
  const cause = (incident as Record<string, unknown>).cause;
  switch (cause) {
    case 'NETWORK_COVERAGE':
      return homeCoverageOverridden ? 'physician' : 'operator';
    case 'DEVICE_FAULT':
      return 'vendor';
    case 'PATIENT':
      return 'patient';
    default:
      return 'operator';
  }
}

/** Whether any entry records an override of the HOME_COVERAGE warning (in its evidence, at any depth). */
export function overridesHomeCoverage(entries: readonly AuditEntry[]): boolean {
  return entries.some((entry) => String(entry.subject).startsWith('prescription:') && mentionsOverride(entry.evidence));
}

function mentionsOverride(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(mentionsOverride);
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  if (Array.isArray(record.overrides) && record.overrides.some((o) => (o as { ruleId?: unknown })?.ruleId === 'HOME_COVERAGE')) return true;
  return Object.values(record).some(mentionsOverride);
}
