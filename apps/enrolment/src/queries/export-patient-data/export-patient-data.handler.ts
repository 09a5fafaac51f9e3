import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EnrolmentViews } from '../../projections/enrolment-views';
import { EnrolmentsRepository } from '../../projections/enrolments.repository';
import { ExportPatientDataQuery, type EnrolmentExportPart } from './export-patient-data.query';

/** Every enrolment of the patient, as they read it through the API. */
@QueryHandler(ExportPatientDataQuery)
export class ExportPatientDataHandler implements IQueryHandler<ExportPatientDataQuery, EnrolmentExportPart> {
  constructor(
    private readonly enrolments: EnrolmentsRepository,
    private readonly views: EnrolmentViews,
  ) {}

  async execute({ pseudonym }: ExportPatientDataQuery): Promise<EnrolmentExportPart> {
    const rows = await this.enrolments.ofPatient(pseudonym);
    return { enrolments: await this.views.completeAll(rows.map((row) => row.resource)) };
  }
}
