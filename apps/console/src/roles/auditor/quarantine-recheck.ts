import { checkEntrySeal, type Signer } from '@app/audit/seal';
import type { QuarantineItem } from './ledger-api';

type SealedEntry = Parameters<typeof checkEntrySeal>[0];

/** What the browser finds when it checks a refused message's seal itself. */
export type QuarantineRecheck =
  | { kind: 'SEAL_FAILS'; reason: string; message: string; agreesWithLedger: boolean }
  | { kind: 'SEAL_VERIFIES' }
  | { kind: 'NOT_CHECKABLE' };

const SEAL_REASONS = ['SEAL_MISSING', 'SIGNER_UNKNOWN', 'SIGNER_NOT_VALID', 'SEAL_INVALID'];

/**
 * The quarantined message (kept raw by the ledger, base64) decoded and its
 * entry's seal checked against the signer registry with libs/audit, so the
 * auditor sees the refusal confirmed rather than taken on the ledger's word.
 * A message refused for its form or its chain may carry a good seal; one too
 * large to be kept, or not an entry at all, cannot be checked here.
 */
export function recheckQuarantined(item: Pick<QuarantineItem, 'rawBase64' | 'reason'>, signers: readonly Signer[]): QuarantineRecheck {
  const entry = entryOf(item.rawBase64);
  if (entry === undefined) return { kind: 'NOT_CHECKABLE' };
  const check = checkEntrySeal(entry as SealedEntry, signers);
  if (check.ok) return { kind: 'SEAL_VERIFIES' };
  return { kind: 'SEAL_FAILS', reason: check.reason, message: check.message, agreesWithLedger: SEAL_REASONS.includes(item.reason) && check.reason === item.reason };
}

function entryOf(rawBase64: string | null): unknown {
  if (rawBase64 === null) return undefined;
  try {
    const bytes = Uint8Array.from(atob(rawBase64), (c) => c.charCodeAt(0));
    const envelope = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as { data?: { entry?: unknown } } | null;
    const entry = envelope?.data?.entry;
    return typeof entry === 'object' && entry !== null && !Array.isArray(entry) ? entry : undefined;
  } catch {
    return undefined;
  }
}
