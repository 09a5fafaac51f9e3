import { CurrentPrincipal, Roles, type Principal, tokenInvalid } from '@app/auth';
import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { PatientExportQuery, type LedgerExportPart } from './patient-export.query';

/**
 * `GET /internal/patient-export` (services.json `patientExport`): the
 * gateway's GET /v1/patients/me/export calls it with the patient's own
 * token. Only the token's pseudonym is ever read, so a patient gets their
 * own entries and no one else's. Not under /v1: the gateway never routes it.
 */
@ApiExcludeController()
@Controller('internal')
export class PatientExportHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get('patient-export')
  @Roles('patient')
  export(@CurrentPrincipal() patient: Principal): Promise<LedgerExportPart> {
    if (!patient.pseudonym) throw tokenInvalid("claim 'pseudonym' is required for role patient");
    return this.queries.execute(new PatientExportQuery(patient.pseudonym));
  }
}
