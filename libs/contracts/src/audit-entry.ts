import type { Actor } from './event-envelope';

/** `<device|prescription|attempt|enrolment|claim>:<uuid>` */
export type SubjectRef = `${'device' | 'prescription' | 'attempt' | 'enrolment' | 'claim'}:${string}`;

/**
 * One audit entry exactly as API.md ("Audit ledger") fixes it. Its RFC 8785
 * canonical JSON is what gets hashed, chained and put in the Merkle tree, so
 * adding a field here changes every hash: add fields with care.
 */
export interface AuditEntry {
  id: string;
  occurredAt: string;
  actor: Actor;
  action: string;
  subject: SubjectRef;
  relatedSubjects: SubjectRef[];
  decision: string;
  evidence: Record<string, unknown>;
  rulesVersion?: string;
  correlationId: string;
  service: string;
  streamVersion: number;
  prevHash: string;
}
