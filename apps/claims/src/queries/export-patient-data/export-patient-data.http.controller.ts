import { CurrentPrincipal, Roles, tokenInvalid, type Principal } from '@app/auth';
import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { ExportPatientDataQuery, type ClaimsExportPart } from './export-patient-data.query';

/**
 * `GET /internal/patient-export` (services.json `patientExport`): this
 * service's part of the gateway's GET /v1/patients/me/export, asked with the
 * patient's own token. Only the token's pseudonym is ever read. Not under
 * /v1: the gateway never routes it.
 */
@ApiExcludeController()
@Controller('internal')
export class ExportPatientDataHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get('patient-export')
  @Roles('patient')
  export(@CurrentPrincipal() patient: Principal): Promise<ClaimsExportPart> {
    if (!patient.pseudonym) throw tokenInvalid("claim 'pseudonym' is required for role patient");
    return this.queries.execute(new ExportPatientDataQuery(patient.pseudonym));
  }
}
