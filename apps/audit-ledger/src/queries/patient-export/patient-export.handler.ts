import { patientStreamId } from '@app/contracts';
import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { allEntriesNaming } from '../../store/entry.store';
import { LEDGER_DB, type Queryable } from '../../store/queryable';
import { PatientExportQuery, type LedgerExportPart } from './patient-export.query';

/**
 * Every entry about the patient (subject or related subject
 * `patient:<pseudonym>`, API.md), whole and as `GET /v1/ledger/entries`
 * serves them: their free text is only commitments, so nothing here needs
 * decrypting, and an erased patient's entries still read and verify.
 */
@QueryHandler(PatientExportQuery)
export class PatientExportHandler implements IQueryHandler<PatientExportQuery, LedgerExportPart> {
  constructor(@Inject(LEDGER_DB) private readonly db: Queryable) {}

  async execute({ pseudonym }: PatientExportQuery): Promise<LedgerExportPart> {
    return { ledgerEntries: await allEntriesNaming(this.db, patientStreamId(pseudonym)) };
  }
}
