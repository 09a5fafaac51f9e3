import { searchsetBundle } from '@app/fhir';
import type { Bundle, ClaimResponse } from '@medplum/fhirtypes';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ClaimViews } from '../../projections/claim-views';
import { ClaimsRepository } from '../../projections/claims.repository';
import { claimFiltersOf } from '../fhir-claim-filters';
import { CLAIM_RESPONSE_STATUS_OF_FHIR, claimResponseResource } from './claim-response.resource';
import { SearchClaimResponseQuery } from './search-claim-response.query';

/** `GET /fhir/R4/ClaimResponse?...`: the answered claims the caller may see (as GET /v1/claims), each as its answer. */
@QueryHandler(SearchClaimResponseQuery)
export class SearchClaimResponseHandler implements IQueryHandler<SearchClaimResponseQuery, Bundle> {
  constructor(
    private readonly claims: ClaimsRepository,
    private readonly views: ClaimViews,
  ) {}

  async execute({ search, location, viewer }: SearchClaimResponseQuery): Promise<Bundle> {
    const filters = claimFiltersOf(search, CLAIM_RESPONSE_STATUS_OF_FHIR, true);
    const { rows, total } = await this.claims.list(filters, viewer, { page: search.page, pageSize: search.count });
    const views = await this.views.completeAll(rows.map((row) => row.resource));
    // The SQL kept the answered claims only: every one maps.
    const responses = views.map(claimResponseResource).filter((response): response is ClaimResponse => response !== null);
    return searchsetBundle(responses, total, search, location);
  }
}
