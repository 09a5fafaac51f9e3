import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import { parseFhirSearch, type SearchLocation } from '@app/fhir';
import { FhirController, FhirSearchLocation } from '@app/service-kit';
import type { Bundle, Claim } from '@medplum/fhirtypes';
import { Get, Param, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { claimViewerOf } from '../../principals/claim-viewer';
import { CLAIM_ROLES } from '../../queries/claim-query-params';
import { CLAIM_CAPABILITY } from './claim.capability';
import { ReadClaimQuery } from './read-claim.query';
import { SearchClaimQuery } from './search-claim.query';

/** `GET /fhir/R4/Claim` (the roles of GET /v1/claims) and `GET /fhir/R4/Claim/:id` (as GET /v1/claims/:id: any role, 404 unless visible). */
@FhirController('Claim')
export class ClaimHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles(...CLAIM_ROLES)
  search(
    @QueryParams() query: Record<string, unknown>,
    @FhirSearchLocation('Claim') location: SearchLocation,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<Bundle> {
    return this.queries.execute(new SearchClaimQuery(parseFhirSearch(query, CLAIM_CAPABILITY), location, claimViewerOf(viewer)));
  }

  @Get(':id')
  read(@Param('id') id: string, @CurrentPrincipal() viewer: Principal): Promise<Claim> {
    return this.queries.execute(new ReadClaimQuery(id, claimViewerOf(viewer)));
  }
}
