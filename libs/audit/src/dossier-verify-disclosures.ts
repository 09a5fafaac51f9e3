import { ERASED } from '@app/contracts';
import type { DossierEntry } from './dossier';
import { entryFailure, type DossierFailure } from './dossier-failure';
import { resolveJsonPointer, toJsonPointer } from './json-pointer';
import { commitmentMatches } from './text-commitment';

/** What the dossier's disclosures proved of the free texts its entries commit to. */
export interface TextReport {
  /** Disclosed texts whose text and salt hash to the entry's commitment. */
  checked: number;
  /** Texts erased with their patient: nothing left to check, and that is not a failure. */
  unchecked: number;
  /** Commitments of the entries that no disclosure names (not given to this reader). */
  undisclosed: number;
}

const isCommitment = (value: unknown): value is { commitment: string } =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  typeof (value as { commitment?: unknown }).commitment === 'string' &&
  Object.keys(value).length === 1;

/**
 * Each disclosure `{ index, path, text, salt }` against the dossier's proven
 * entries: `index` names one of them, `path` (RFC 6901) resolves in it to a
 * commitment `{ commitment }`, and SHA-256(salt || text) is that commitment.
 * An erased one (`{ index, path, text: "erased", erased: true }`) must still
 * name a commitment of the dossier (where it points is a claim too), but
 * there is no text to check: it is counted, not failed.
 */
export function disclosureFailures(disclosures: unknown, entries: readonly DossierEntry[]): { failures: DossierFailure[]; report: TextReport } {
  const failures: DossierFailure[] = [];
  const report: TextReport = { checked: 0, unchecked: 0, undisclosed: 0 };
  if (!Array.isArray(disclosures)) {
    return { failures: [{ message: 'disclosures is not a list' }], report };
  }
  const byIndex = new Map(entries.map((item) => [item.index, item]));
  const named = new Set<string>();
  disclosures.forEach((disclosure: unknown, i) => {
    const where = `disclosures[${i}]`;
    if (typeof disclosure !== 'object' || disclosure === null) return failures.push({ message: `${where}: not a disclosure object` });
    const { index, path, text, salt, erased } = disclosure as Record<string, unknown>;
    const item = byIndex.get(index as number);
    if (!item) return failures.push({ message: `${where}: index ${String(index)} names no entry of the dossier` });
    const fail = (what: string) => failures.push(entryFailure(where, item, `path ${String(path)}: ${what}`));
    const target = typeof path === 'string' ? resolveJsonPointer(item.entry, path) : { found: false as const };
    if (!target.found) return fail('names nothing in the entry');
    if (!isCommitment(target.value)) return fail('does not name a commitment { commitment } of the entry');
    named.add(`${item.index} ${String(path)}`);
    if (erased === true) {
      if (text !== ERASED || salt !== undefined) return fail(`an erased disclosure carries text "${ERASED}" and no salt`);
      report.unchecked += 1;
      return;
    }
    if (typeof text !== 'string' || typeof salt !== 'string') return fail('the disclosure has no text and salt');
    if (!commitmentMatches(target.value.commitment, salt, text)) return fail("the text and salt do not match the entry's commitment (the text was changed)");
    report.checked += 1;
  });
  for (const item of entries) {
    for (const path of commitmentPaths(item.entry)) if (!named.has(`${item.index} ${path}`)) report.undisclosed += 1;
  }
  return { failures, report };
}

/** The pointers of every commitment in an entry. */
function commitmentPaths(value: unknown, tokens: Array<string | number> = []): string[] {
  if (isCommitment(value)) return [toJsonPointer(tokens)];
  if (Array.isArray(value)) return value.flatMap((element, i) => commitmentPaths(element, [...tokens, i]));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, element]) => commitmentPaths(element, [...tokens, key]));
  }
  return [];
}
