import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import { parseFhirSearch, type SearchLocation } from '@app/fhir';
import { FhirController, FhirSearchLocation } from '@app/service-kit';
import type { Bundle, ClaimResponse } from '@medplum/fhirtypes';
import { Get, Param, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { claimViewerOf } from '../../principals/claim-viewer';
import { CLAIM_ROLES } from '../../queries/claim-query-params';
import { CLAIM_RESPONSE_CAPABILITY } from './claim-response.capability';
import { ReadClaimResponseQuery } from './read-claim-response.query';
import { SearchClaimResponseQuery } from './search-claim-response.query';

/** `GET /fhir/R4/ClaimResponse` and `/:id`: the roles and visibility of the claim they answer (GET /v1/claims, /v1/claims/:id). */
@FhirController('ClaimResponse')
export class ClaimResponseHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles(...CLAIM_ROLES)
  search(
    @QueryParams() query: Record<string, unknown>,
    @FhirSearchLocation('ClaimResponse') location: SearchLocation,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<Bundle> {
    return this.queries.execute(new SearchClaimResponseQuery(parseFhirSearch(query, CLAIM_RESPONSE_CAPABILITY), location, claimViewerOf(viewer)));
  }

  @Get(':id')
  read(@Param('id') id: string, @CurrentPrincipal() viewer: Principal): Promise<ClaimResponse> {
    return this.queries.execute(new ReadClaimResponseQuery(id, claimViewerOf(viewer)));
  }
}
