import { CurrentPrincipal, Roles, tokenInvalid, type Principal } from '@app/auth';
import { clientCorrelationIdOf, correlationIdFor } from '@app/service-kit';
import { Controller, Get, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { IncomingMessage } from 'node:http';
import { PatientExportComposer } from './patient-export.composer';
import type { PatientExport } from './patient-export.merge';

/**
 * `GET /v1/patients/me/export` (API.md "Patients", role patient): the
 * gateway's own route; the rest of /v1/patients is the patients service's.
 */
@ApiTags('patients')
@ApiBearerAuth()
@Controller('v1/patients')
export class PatientExportHttpController {
  constructor(private readonly composer: PatientExportComposer) {}

  @Get('me/export')
  @Roles('patient')
  export(@CurrentPrincipal() patient: Principal, @Req() request: IncomingMessage): Promise<PatientExport> {
    if (!patient.pseudonym) throw tokenInvalid("claim 'pseudonym' is required for role patient");
    return this.composer.compose({
      pseudonym: patient.pseudonym,
      // The guard accepted this very header: each service checks the same token again.
      authorization: request.headers.authorization ?? '',
      correlationId: correlationIdFor(request),
      clientCorrelationId: clientCorrelationIdOf(request),
    });
  }
}
