import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ClaimViews } from '../../projections/claim-views';
import { ClaimsRepository } from '../../projections/claims.repository';
import { ExportPatientDataQuery, type ClaimsExportPart } from './export-patient-data.query';

/** Every claim of the patient, oldest first, as the API serves it (no identity). */
@QueryHandler(ExportPatientDataQuery)
export class ExportPatientDataHandler implements IQueryHandler<ExportPatientDataQuery, ClaimsExportPart> {
  constructor(
    private readonly claims: ClaimsRepository,
    private readonly views: ClaimViews,
  ) {}

  async execute({ pseudonym }: ExportPatientDataQuery): Promise<ClaimsExportPart> {
    const rows = await this.claims.ofPseudonym(pseudonym);
    return { claims: await this.views.completeAll(rows.map((row) => row.resource)) };
  }
}
