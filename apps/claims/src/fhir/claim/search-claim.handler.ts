import { searchsetBundle } from '@app/fhir';
import type { Bundle } from '@medplum/fhirtypes';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ClaimViews } from '../../projections/claim-views';
import { ClaimsRepository } from '../../projections/claims.repository';
import { claimFiltersOf } from '../fhir-claim-filters';
import { CLAIM_STATUS_OF_FHIR, claimResource } from './claim.resource';
import { SearchClaimQuery } from './search-claim.query';

/** `GET /fhir/R4/Claim?...`: the claims the caller may see (as GET /v1/claims), as a searchset Bundle. */
@QueryHandler(SearchClaimQuery)
export class SearchClaimHandler implements IQueryHandler<SearchClaimQuery, Bundle> {
  constructor(
    private readonly claims: ClaimsRepository,
    private readonly views: ClaimViews,
  ) {}

  async execute({ search, location, viewer }: SearchClaimQuery): Promise<Bundle> {
    const { rows, total } = await this.claims.list(claimFiltersOf(search, CLAIM_STATUS_OF_FHIR), viewer, { page: search.page, pageSize: search.count });
    const views = await this.views.completeAll(rows.map((row) => row.resource));
    return searchsetBundle(views.map(claimResource), total, search, location);
  }
}
