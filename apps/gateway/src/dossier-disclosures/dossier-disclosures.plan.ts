import type { DisclosureV1 } from '@app/contracts';

/** At most this many entry ids per request to a service (its `POST /internal/audit-disclosures` takes 1,000). */
export const ENTRY_IDS_PER_REQUEST = 1000;

/** What the composition reads of a dossier: each entry's ledger index, id and writing service. */
export interface DossierEntries {
  entries: Array<{ index: number; entry: { id: string; service: string } }>;
}

/** A service that keeps its entries' texts for disclosure, and where (services.json `disclosures`). */
export interface DisclosingService {
  name: string;
  url: string;
  path: string;
}

export interface DisclosureRequest {
  service: DisclosingService;
  entryIds: string[];
}

/** What one service answered: `{ entryId, path, text, salt }` or `{ entryId, path, text: "erased", erased: true }`. */
export type ServiceDisclosure =
  | { entryId: string; path: string; text: string; salt: string }
  | { entryId: string; path: string; text: 'erased'; erased: true };

/** Whether a service's answer item is a disclosure at all (anything else fails the composition, never passes through). */
export function isServiceDisclosure(item: unknown): item is ServiceDisclosure {
  if (typeof item !== 'object' || item === null) return false;
  const { entryId, path, text, salt, erased } = item as Record<string, unknown>;
  if (typeof entryId !== 'string' || typeof path !== 'string' || typeof text !== 'string') return false;
  return erased === true ? text === 'erased' : typeof salt === 'string';
}

/**
 * Which services to ask, for which entries: each service that declares
 * `disclosures` is asked for the entries of the dossier it wrote (the
 * entry's `service`), a thousand at a time; a service that wrote none of
 * them is not asked.
 */
export function disclosureRequests(dossier: DossierEntries, services: readonly DisclosingService[]): DisclosureRequest[] {
  return services.flatMap((service) => {
    const ids = [...new Set(dossier.entries.filter((item) => item.entry.service === service.name).map((item) => item.entry.id))];
    const chunks: DisclosureRequest[] = [];
    for (let start = 0; start < ids.length; start += ENTRY_IDS_PER_REQUEST) chunks.push({ service, entryIds: ids.slice(start, start + ENTRY_IDS_PER_REQUEST) });
    return chunks;
  });
}

/**
 * The dossier's `disclosures`: each text a service gave, under the ledger
 * index of its entry (the `index` of the dossier's entry of that id) and
 * the path the service gave, sorted by index then path. A service only
 * speaks for the entries it was asked about: anything else it returns is
 * left out, never attached to another entry.
 */
export function dossierDisclosures(dossier: DossierEntries, answers: ReadonlyArray<{ request: DisclosureRequest; items: ServiceDisclosure[] }>): DisclosureV1[] {
  const indexOf = new Map(dossier.entries.map((item) => [item.entry.id, item.index]));
  const disclosures: DisclosureV1[] = [];
  for (const { request, items } of answers) {
    const asked = new Set(request.entryIds);
    for (const item of items) {
      const index = indexOf.get(item.entryId);
      if (!asked.has(item.entryId) || index === undefined) continue;
      disclosures.push('erased' in item && item.erased ? { index, path: item.path, text: 'erased', erased: true } : { index, path: item.path, text: item.text, salt: (item as { salt: string }).salt });
    }
  }
  return disclosures.sort((a, b) => a.index - b.index || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
