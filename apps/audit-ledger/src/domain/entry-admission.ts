import { canonicalJson, checkEntrySeal, type Signer } from '@app/audit';
import type { AuditEntry, QuarantineReasonV1 } from '@app/contracts';
import { entryShapeProblem } from './entry-shape.check';

export interface AdmittedEntry {
  entryId: string;
  streamId: string;
  /** RFC 8785 text of the entry, seal included: the exact leaf bytes. */
  entryJcs: string;
  chainHash: string;
}

export type Admission = { ok: true; entry: AdmittedEntry } | { ok: false; reason: QuarantineReasonV1; message: string };

const HEX_64 = /^[0-9a-f]{64}$/;

/**
 * Whether an AuditEntryRecorded may wait for the writer: its shape (every
 * field of API.md), then its seal under a signer of its own service valid at
 * its occurredAt. Pure: the registry comes in. The chain is the writer's
 * check, in stream order.
 */
export function admitEntry(data: unknown, streamId: unknown, signers: readonly Signer[]): Admission {
  const { entry, hash } = (typeof data === 'object' && data !== null ? data : {}) as { entry?: unknown; hash?: unknown };
  const problem = entryShapeProblem(entry, streamId);
  if (problem) return { ok: false, reason: 'MALFORMED_ENTRY', message: problem };
  if (typeof hash !== 'string' || !HEX_64.test(hash)) return { ok: false, reason: 'MALFORMED_ENTRY', message: 'hash must be 64 lowercase hex' };
  const sealed = entry as AuditEntry;
  const seal = checkEntrySeal(sealed, signers);
  if (!seal.ok) return { ok: false, reason: seal.reason, message: seal.message };
  let entryJcs: string;
  try {
    entryJcs = canonicalJson(sealed);
  } catch {
    return { ok: false, reason: 'MALFORMED_ENTRY', message: 'the entry cannot be canonicalised' };
  }
  return { ok: true, entry: { entryId: sealed.id, streamId: streamId as string, entryJcs, chainHash: hash } };
}
