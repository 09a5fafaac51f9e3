import type { Actor } from './event-envelope';

/** `<device|prescription|attempt|enrolment|claim|notification|webhook>:<uuid>`, or `patient:<pseudonym>` (API.md "Audit ledger"). */
export type SubjectRef = `${'device' | 'prescription' | 'attempt' | 'enrolment' | 'claim' | 'notification' | 'webhook'}:${string}` | `patient:${string}`;

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
  /** The writing service's signature of the entry without `seal` (API.md; libs/audit seal.ts). */
  seal: EntrySeal;
}

/** Ed25519 seal of an audit entry: the signer's key id and the signature, lowercase hex. */
export interface EntrySeal {
  keyId: string;
  signature: string;
}
