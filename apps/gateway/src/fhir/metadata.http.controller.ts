import { Public } from '@app/auth';
import { CLOCK, type Clock, FhirController, fhirRequestBase } from '@app/service-kit';
import { Get, Inject, Logger, Req } from '@nestjs/common';
import type { CapabilityStatement } from '@medplum/fhirtypes';
import type { Request } from 'express';
import { capabilityStatement } from './capability-statement';
import { FhirUpstreams } from './fhir-upstreams';
import { correlationHeaders } from './upstream-headers';

/**
 * `GET /fhir/R4/metadata` (API.md "FHIR R4"): what is served, composed from
 * every FHIR service's declaration. Public, as FHIR servers serve it: a
 * client reads it before it has a token.
 */
@Public()
@FhirController('metadata')
export class MetadataHttpController {
  private readonly logger = new Logger('FhirMetadata');

  constructor(
    private readonly upstreams: FhirUpstreams,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  async metadata(@Req() request: Request): Promise<CapabilityStatement> {
    const parts = await this.upstreams.capabilities(correlationHeaders(request));
    const { statement, mismatches } = capabilityStatement(parts, {
      base: fhirRequestBase(request),
      date: this.clock.now().toISOString(),
      softwareVersion: '1',
    });
    for (const mismatch of mismatches) this.logger.error(`FHIR routes and declarations disagree: ${mismatch}`);
    return statement;
  }
}
