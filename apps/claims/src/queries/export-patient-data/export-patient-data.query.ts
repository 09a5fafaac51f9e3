import { Query } from '@nestjs/cqrs';
import type { ClaimView } from '../../projections/claim-view';

/** This service's part of a patient's export (API.md "Patients"): the claims billed for them. */
export interface ClaimsExportPart {
  claims: ClaimView[];
}

export class ExportPatientDataQuery extends Query<ClaimsExportPart> {
  constructor(readonly pseudonym: string) {
    super();
  }
}
