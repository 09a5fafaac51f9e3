import { ERASED, type Erased } from '@app/contracts';
import type { StoredAuditDisclosure } from '@app/event-sourcing';
import type { PatientKeyring, PatientOpener, ServiceTextSealer } from '../patient-keys/patient-keyring';

/** One disclosed text as `POST /internal/audit-disclosures` answers it. */
export type OpenedDisclosure =
  | { entryId: string; path: string; text: string; salt: string }
  | { entryId: string; path: string; text: Erased; erased: true };

/** What opens the rows: the service's own text key, and the patients' keys when the service holds any. */
export interface DisclosureOpeners {
  serviceTexts?: ServiceTextSealer;
  patientKeys?: PatientKeyring;
}

/**
 * Opens each row with the key that sealed it: the service's text key, or the
 * patient's data key (one opener per patient for the whole answer). A
 * patient's destroyed key reads ERASED: the text is reported erased, not
 * failed. A row whose key this service does not hold is a fault of the
 * service (it wrote what it cannot read), never a silent omission.
 */
export async function openDisclosures(rows: readonly StoredAuditDisclosure[], openers: DisclosureOpeners): Promise<OpenedDisclosure[]> {
  const patients = new Map<string, Promise<PatientOpener>>();
  const opened: OpenedDisclosure[] = [];
  for (const row of rows) {
    const { entryId, path } = row;
    if (row.pseudonym === null) {
      if (!openers.serviceTexts) throw new Error(`disclosure ${entryId} ${path} is under the service's text key, which this service does not hold`);
      opened.push({ entryId, path, ...openers.serviceTexts.openText(row, row.aad) });
      continue;
    }
    const keyring = openers.patientKeys;
    if (!keyring) throw new Error(`disclosure ${entryId} ${path} is under a patient's key, and this service has no patient keyring`);
    if (!patients.has(row.pseudonym)) patients.set(row.pseudonym, keyring.openerFor(row.pseudonym));
    const text = (await patients.get(row.pseudonym)!).openText(row, row.aad);
    opened.push(text === ERASED ? { entryId, path, text: ERASED, erased: true } : { entryId, path, ...text });
  }
  return opened;
}
