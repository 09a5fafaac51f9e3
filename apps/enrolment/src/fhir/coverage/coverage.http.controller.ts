import { CurrentPrincipal, type Principal, Roles } from '@app/auth';
import { parseFhirSearch, type SearchLocation } from '@app/fhir';
import { FhirController, FhirSearchLocation } from '@app/service-kit';
import type { Bundle, Coverage } from '@medplum/fhirtypes';
import { Get, Param, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { viewerOf } from '../../principals/enrolment-viewer';
import { COVERAGE_CAPABILITY } from './coverage.capability';
import { ReadCoverageQuery } from './read-coverage.query';
import { SearchCoverageQuery } from './search-coverage.query';

/** `GET /fhir/R4/Coverage[?…]` and `/fhir/R4/Coverage/:id`: the roles of `GET /v1/enrolments` and `/v1/enrolments/:id`. */
@FhirController('Coverage')
export class CoverageHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('operator', 'physician', 'patient')
  search(
    @QueryParams() query: Record<string, unknown>,
    @FhirSearchLocation('Coverage') location: SearchLocation,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<Bundle> {
    return this.queries.execute(new SearchCoverageQuery(parseFhirSearch(query, COVERAGE_CAPABILITY), location, viewerOf(viewer)));
  }

  @Get(':id')
  read(@Param('id') id: string, @CurrentPrincipal() viewer: Principal): Promise<Coverage> {
    return this.queries.execute(new ReadCoverageQuery(id, viewerOf(viewer)));
  }
}
