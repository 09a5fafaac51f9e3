import { DomainError, ERROR_CODES } from '@app/contracts';
import { isPseudonym } from '@app/fr-health';
import { FhirController, fhirRequestBase } from '@app/service-kit';
import { Get, Param, Query, Req } from '@nestjs/common';
import type { Bundle } from '@medplum/fhirtypes';
import type { Request } from 'express';
import { callerHeaders } from './upstream-headers';
import { PatientEverythingComposer } from './patient-everything.composer';

/**
 * `GET /fhir/R4/Patient/:pseudonym/$everything` (any role: what each one
 * sees is each service's decision). Patient is served only as this operation:
 * the identity stays behind the JSON API's rules.
 */
@FhirController('Patient')
export class PatientEverythingHttpController {
  constructor(private readonly composer: PatientEverythingComposer) {}

  @Get(':pseudonym/:operation')
  everything(
    @Param('pseudonym') pseudonym: string,
    @Param('operation') operation: string,
    @Query() query: Record<string, unknown>,
    @Req() request: Request,
  ): Promise<Bundle> {
    if (operation !== '$everything') throw new DomainError(ERROR_CODES.notFound, `Patient has no operation ${operation}; only $everything`, 'not_found');
    const details = [
      ...(isPseudonym(pseudonym) ? [] : [{ field: 'pseudonym', code: 'INVALID_VALUE', message: 'a patient is named by pseudonym: 64 lowercase hex digits' }]),
      ...Object.keys(query).map((name) => ({ field: name, code: 'UNKNOWN_PARAMETER', message: `$everything takes no parameter '${name}'` })),
    ];
    if (details.length > 0) throw new DomainError(ERROR_CODES.validationFailed, `Invalid request: ${details.map((d) => d.field).join(', ')}`, 'invalid', details);
    return this.composer.compose(pseudonym, callerHeaders(request), fhirRequestBase(request));
  }
}
