import { toJsonPointer } from '@app/audit';

/** A free text of an entry as the entry holds it: its commitment, and where (the pointer a disclosure names). */
export interface PlacedCommitment {
  path: string;
  commitment: string;
}

const COMMITMENT = /^[0-9a-f]{64}$/;

const isCommitment = (value: unknown): value is { commitment: string } =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.keys(value).length === 1 &&
  typeof (value as { commitment?: unknown }).commitment === 'string' &&
  COMMITMENT.test((value as { commitment: string }).commitment);

/**
 * Every `{ commitment }` of a value, with its RFC 6901 pointer from `prefix`
 * (`/evidence/overrides/0/justification`): the texts themselves are never in
 * an entry, only these, and a dossier's disclosures name the same paths.
 */
export function textCommitments(value: unknown, prefix: ReadonlyArray<string | number> = []): PlacedCommitment[] {
  if (isCommitment(value)) return [{ path: toJsonPointer(prefix), commitment: value.commitment }];
  if (Array.isArray(value)) return value.flatMap((item, index) => textCommitments(item, [...prefix, index]));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => textCommitments(item, [...prefix, key]));
}
