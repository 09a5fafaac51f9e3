import { Query } from '@nestjs/cqrs';
import type { LedgerEntryView } from '../../store/entry.store';

/** The ledger's part of a patient's export (API.md "Patients"). */
export interface LedgerExportPart {
  ledgerEntries: LedgerEntryView[];
}

export class PatientExportQuery extends Query<LedgerExportPart> {
  constructor(readonly pseudonym: string) {
    super();
  }
}
