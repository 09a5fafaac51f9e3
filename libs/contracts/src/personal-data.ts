/*
 * Personal data as it travels and is stored (ARCHITECTURE.md, "Privacy by
 * design"). Identity and free text are ciphertexts under the patient's data
 * key (or, for text about no patient, under the receiving service's text
 * key); an audit entry holds only the commitment of a free text.
 */

/** What every identity field and free text of an erased patient reads, in every answer. */
export const ERASED = 'erased' as const;
export type Erased = typeof ERASED;

/**
 * The commitment of a free text, the only form an audit entry holds:
 * hex SHA-256(16-byte salt || UTF-8 text) (API.md, "Audit ledger").
 */
export type TextCommitmentV1 = { commitment: string };

/**
 * A free text as events and read models carry it: its commitment, and the
 * text with its salt encrypted (`ciphertext` opens to the JSON
 * `{ "salt": hex, "text": string }`). The audit entry builder keeps the
 * commitment in the entry and the ciphertext beside it for disclosure.
 */
export type SealedTextV1 = TextCommitmentV1 & { ciphertext: string };

/** What a dossier discloses of a committed text, to the prescriber and auditors. */
export type DisclosureV1 =
  | { index: number; path: string; text: string; salt: string }
  /** The text was erased with its patient: nothing to check, and that is not a failure. */
  | { index: number; path: string; text: Erased; erased: true };

export const isSealedText = (value: unknown): value is SealedTextV1 =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as SealedTextV1).commitment === 'string' &&
  typeof (value as SealedTextV1).ciphertext === 'string' &&
  Object.keys(value).length === 2;
