import { Query } from '@nestjs/cqrs';
import type { EnrolmentView } from '../../projections/enrolment-view';

/** This service's part of a patient's export (API.md "Patients"): their enrolments, as they read them. */
export interface EnrolmentExportPart {
  enrolments: EnrolmentView[];
}

export class ExportPatientDataQuery extends Query<EnrolmentExportPart> {
  constructor(readonly pseudonym: string) {
    super();
  }
}
