import { toJsonPointer } from '@app/audit';
import { isSealedText } from '@app/contracts';
import type { AuditDisclosureRow } from '../store/event-store.types';
import { isDisclosable } from './disclosable';

/**
 * The evidence as the entry holds it, each disclosable text replaced by its
 * commitment `{ commitment }`, and the disclosure rows of those texts, each
 * at its RFC 6901 pointer into the entry (`/evidence/events/0/data/reason`).
 * A sealed text left in the evidence unmarked would put its ciphertext in an
 * immutable entry: that is refused, never written.
 */
export function separateDisclosures(evidence: Record<string, unknown>): { evidence: Record<string, unknown>; disclosures: AuditDisclosureRow[] } {
  const disclosures: AuditDisclosureRow[] = [];
  const walk = (value: unknown, tokens: Array<string | number>): unknown => {
    if (isDisclosable(value)) {
      const { ciphertext, aad, pseudonym, readers } = value;
      disclosures.push({ path: toJsonPointer(tokens), ciphertext, aad, pseudonym, readers: [...readers] });
      return { commitment: value.commitment };
    }
    if (isSealedText(value)) {
      throw new Error(`audit evidence at ${toJsonPointer(tokens)} holds a sealed text: mark it with disclosable(...), the entry holds only its commitment`);
    }
    if (Array.isArray(value)) return copyIfChanged(value, value.map((element, i) => walk(element, [...tokens, i])));
    if (typeof value === 'object' && value !== null) {
      const entries = Object.entries(value);
      const walked = entries.map(([key, element]) => [key, walk(element, [...tokens, key])] as const);
      return walked.some(([, element], i) => element !== entries[i][1]) ? Object.fromEntries(walked) : value;
    }
    return value;
  };
  return { evidence: walk(evidence, ['evidence']) as Record<string, unknown>, disclosures };
}

/** The original when nothing in it changed: an entry without texts is built from the draft's own objects. */
function copyIfChanged(original: unknown[], walked: unknown[]): unknown[] {
  return walked.some((element, i) => element !== original[i]) ? walked : original;
}
