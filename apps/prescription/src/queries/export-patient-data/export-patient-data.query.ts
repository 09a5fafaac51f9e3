import { Query } from '@nestjs/cqrs';
import type { PatientExportPart } from '../../personal-data/prescription-opening';

/** What this service holds about the patient of the token, for their own export (API.md "Patients"). */
export class ExportPatientDataQuery extends Query<PatientExportPart> {
  constructor(readonly pseudonym: string) {
    super();
  }
}
