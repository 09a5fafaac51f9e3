import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import { ApiController } from '@app/service-kit';
import { Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { PatientExportPart } from '../../personal-data/prescription-opening';
import { ExportPatientDataQuery } from './export-patient-data.query';

/**
 * This service's part of `GET /v1/patients/me/export`: the gateway composes
 * it (services.json `patientExport`). Not routed from outside by a prefix; the
 * token's pseudonym is the only patient it ever answers about.
 */
@ApiController('internal', 'patient export')
export class ExportPatientDataHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get('patient-export')
  @Roles('patient')
  export(@CurrentPrincipal() patient: Principal): Promise<PatientExportPart> {
    return this.queries.execute(new ExportPatientDataQuery(patient.pseudonym ?? ''));
  }
}
