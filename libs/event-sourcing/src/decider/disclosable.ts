import type { SealedTextV1, TextCommitmentV1 } from '@app/contracts';

/** Who may read a disclosed text besides auditors: `physician:<rpps>`, or `physician:*` for every physician. */
export type DisclosureReader = `${string}:${string}`;

export interface DisclosableOptions {
  /** The associated data the text was sealed with (its row and field): what opens it again. */
  aad: string;
  /** The patient whose data key sealed it; absent: the service's own text key (ServiceTextSealer). */
  pseudonym?: string;
  /** Who besides auditors may read it; none: auditors only. */
  readers?: readonly DisclosureReader[];
}

const READER = /^[a-z_]+:\S+$/;

/**
 * A free text in an audit draft's evidence, sealed by the service that
 * received it. The audit entry builder puts only its commitment
 * `{ commitment }` in the entry, at the place the draft put it, and keeps the
 * ciphertext beside the entry (`audit_disclosures`) for those allowed to read
 * it. Built by `disclosable()`, so a draft stays pure data the domain writes.
 */
export class DisclosableText {
  private constructor(
    readonly commitment: string,
    readonly ciphertext: string,
    readonly aad: string,
    readonly pseudonym: string | null,
    readonly readers: readonly DisclosureReader[],
  ) {}

  static of(sealed: SealedTextV1, options: DisclosableOptions): DisclosableText {
    if (typeof sealed?.commitment !== 'string' || typeof sealed.ciphertext !== 'string') throw new Error('disclosable: not a sealed text');
    if (!options.aad) throw new Error('disclosable: the associated data (row and field) is required to open it again');
    if (options.pseudonym !== undefined && options.pseudonym.length === 0) throw new Error('disclosable: an empty pseudonym');
    const readers = [...(options.readers ?? [])];
    const bad = readers.find((reader) => !READER.test(reader));
    if (bad !== undefined) throw new Error(`disclosable: reader "${bad}" is not <role>:<id> (physician:<rpps>, physician:*)`);
    return new DisclosableText(sealed.commitment, sealed.ciphertext, options.aad, options.pseudonym ?? null, readers);
  }

  /** Serialised by mistake (not through the builder), it still shows only what an entry may hold. */
  toJSON(): TextCommitmentV1 {
    return { commitment: this.commitment };
  }
}

/**
 * Marks a sealed text of an audit draft as disclosable:
 * `evidence: { reason: disclosable(command.reason, { aad, readers: ['physician:*'] }) }`.
 */
export const disclosable = (sealed: SealedTextV1, options: DisclosableOptions): DisclosableText => DisclosableText.of(sealed, options);

export const isDisclosable = (value: unknown): value is DisclosableText => value instanceof DisclosableText;
