import canonicalize from 'canonicalize';
import { compareDossierEntries, dossierSummary, partiesOf, type DossierEntry } from './dossier';
import { entryFailure, type DossierFailure } from './dossier-failure';

/** Checked once every entry is proven: the time order, and the parties and summary recomputed from the proven entries. */
export function orderAndPartyFailures(entries: readonly DossierEntry[], summary: unknown): DossierFailure[] {
  const failures: DossierFailure[] = [];
  entries.slice(1).forEach((item, i) => {
    if (compareDossierEntries(entries[i], item) >= 0) failures.push(entryFailure(`entries[${i + 1}]`, item, `is not after entries[${i}] in time order`));
  });
  const parties = partiesOf(entries.map((item) => item.entry));
  entries.forEach((item, i) => {
    if (item.party !== parties[i]) failures.push(entryFailure(`entries[${i}]`, item, `its party is ${String(item.party)}, but the entries make it ${parties[i]}`));
  });
  const expected = dossierSummary(entries.map((item, i) => ({ ...item, party: parties[i] })));
  if (!Array.isArray(summary) || summary.length !== expected.length) {
    failures.push({ message: `summary: expected ${expected.length} items, one per entry` });
  } else {
    expected.forEach((line, i) => {
      if (canonicalize(summary[i]) !== canonicalize(line)) failures.push(entryFailure(`summary[${i}]`, entries[i], `does not match entries[${i}]`));
    });
  }
  return failures;
}
