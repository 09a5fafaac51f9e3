import type { CodeableConcept, Coding } from '@medplum/fhirtypes';
import { LEDGER_CODES } from './ledger-fhir.urls';

/** FHIR R4 `audit-event-action` (required): Create, Read, Update, Delete, Execute. */
export type AuditEventAction = 'C' | 'R' | 'U' | 'D' | 'E';

/**
 * The verb of an action (`prescription.issued` -> `issued`) read as what it did
 * to its subject. A record coming into being is a creation; a notification
 * read, a read; data destroyed (an erasure, a webhook deleted), a deletion; a
 * party's decision under rules (a certification, a refusal by the HAS
 * referential, an adjudication, an AMO answer), an execution; every other
 * step changes a record that exists (submitted, activated, cancelled,
 * expired...): an update.
 */
const VERBS: Record<Exclude<AuditEventAction, 'U'>, readonly string[]> = {
  C: ['created', 'registered', 'issued', 'consent_recorded', 'device_assigned', 'incident_opened', 'connectivity_incident_opened'],
  R: ['read'],
  D: ['deleted', 'erased'],
  E: ['certified', 'recertified', 'rejected', 'refused', 'revoked', 'reinstated', 'adjudicated', 'rights_checked', 'approve', 'reject'],
};

export function auditEventAction(action: string): AuditEventAction {
  const verb = action.slice(action.lastIndexOf('.') + 1);
  for (const code of ['C', 'R', 'D', 'E'] as const) if (VERBS[code].includes(verb)) return code;
  return 'U';
}

/** The entry's own action, under the platform's code system. */
export const actionCoding = (action: string): Coding => ({ system: LEDGER_CODES.action, code: action });

/** The entry's decision (`ISSUED`, `REFUSED`), under the platform's code system. */
export const decisionCoding = (decision: string): Coding => ({ system: LEDGER_CODES.decision, code: decision });

const DATA_OPERATION = 'http://terminology.hl7.org/CodeSystem/v3-DataOperation';
const OPERATIONS: Record<AuditEventAction, Coding> = {
  C: { system: DATA_OPERATION, code: 'CREATE', display: 'create' },
  R: { system: DATA_OPERATION, code: 'READ', display: 'read' },
  U: { system: DATA_OPERATION, code: 'UPDATE', display: 'revise' },
  D: { system: DATA_OPERATION, code: 'DELETE', display: 'delete' },
  E: { system: DATA_OPERATION, code: 'EXECUTE', display: 'execute' },
};

/** `Provenance.activity`: the v3 data operation it amounts to, then the platform's action. */
export const activityConcept = (action: string): CodeableConcept => ({
  coding: [OPERATIONS[auditEventAction(action)], actionCoding(action)],
  text: action,
});
