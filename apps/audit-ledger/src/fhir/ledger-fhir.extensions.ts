import type { Extension } from '@medplum/fhirtypes';
import { LEDGER_EXTENSIONS } from './ledger-fhir.urls';
import type { PlacedCommitment } from './text-commitments';

/** A complex extension: its parts as nested extensions (a part without a value is left out). */
export const nestedExtension = (url: string, parts: Extension[]): Extension => ({ url, extension: parts });

export const stringPart = (url: string, value: string): Extension => ({ url, valueString: value });

/** Indexes and sizes: unsignedInt holds 2^31 - 1 entries, the ledger's horizon for now. */
export const countPart = (url: string, value: number): Extension => ({ url, valueUnsignedInt: value });

/** One free text of an entry: its pointer into the entry and its commitment, never the text. */
export const textCommitmentExtension = ({ path, commitment }: PlacedCommitment): Extension =>
  nestedExtension(LEDGER_EXTENSIONS.textCommitment, [stringPart('path', path), stringPart('commitment', commitment)]);
