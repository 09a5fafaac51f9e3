/** The patient's export (API.md "Patients"); a service may add a list of its own, which is kept under its key. */
export interface PatientExport {
  pseudonym: string;
  identity: Record<string, unknown> | null;
  prescriptions: unknown[];
  enrolments: unknown[];
  claims: unknown[];
  ledgerEntries: unknown[];
  [part: string]: unknown;
}

/** What one service answered about the caller. */
export interface ExportPart {
  service: string;
  body: unknown;
}

/** A part the gateway cannot merge: the export is refused rather than served without it. */
export class ExportPartRefused extends Error {
  constructor(
    readonly service: string,
    readonly reason: string,
  ) {
    super(`${service}: ${reason}`);
  }
}

const PART_NAME = /^[a-z][A-Za-z0-9]{0,63}$/;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Merges the services' parts into one export. The pseudonym is the token's:
 * a part that names another is refused (it would be someone else's data).
 * Lists are concatenated in the services' order; identity is merged field by
 * field, the first service that gives a field giving it (later services, e.g.
 * enrolment, hold the same identity). Pure.
 */
export function mergeExport(pseudonym: string, parts: readonly ExportPart[]): PatientExport {
  const merged: PatientExport = { pseudonym, identity: null, prescriptions: [], enrolments: [], claims: [], ledgerEntries: [] };
  for (const { service, body } of parts) {
    if (!isObject(body)) throw new ExportPartRefused(service, 'answered no JSON object');
    for (const [key, value] of Object.entries(body)) {
      if (key === 'pseudonym') {
        if (value !== pseudonym) throw new ExportPartRefused(service, 'answered about another pseudonym');
      } else if (key === 'identity') {
        if (value === null) continue;
        if (!isObject(value)) throw new ExportPartRefused(service, 'identity is not an object');
        merged.identity = { ...value, ...(merged.identity ?? {}) };
      } else {
        // A plain name only: a key such as `__proto__` must not reach the merged object.
        if (!PART_NAME.test(key)) throw new ExportPartRefused(service, `${JSON.stringify(key).slice(0, 60)} is not a part name`);
        if (!Array.isArray(value)) throw new ExportPartRefused(service, `${key} is not a list`);
        const list = merged[key];
        merged[key] = Array.isArray(list) ? [...list, ...value] : [...value];
      }
    }
  }
  return merged;
}
