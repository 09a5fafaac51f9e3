import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ClaimErrors } from '../../domain/claim.errors';
import type { ClaimView } from '../../projections/claim-view';
import { ClaimViews } from '../../projections/claim-views';
import { ClaimsRepository } from '../../projections/claims.repository';
import { GetClaimQuery } from './get-claim.query';

/** Claims processors and admins, its prescribers and its payees read a claim; everyone else gets the 404 of a missing one. */
@QueryHandler(GetClaimQuery)
export class GetClaimHandler implements IQueryHandler<GetClaimQuery, ClaimView> {
  constructor(
    private readonly claims: ClaimsRepository,
    private readonly views: ClaimViews,
  ) {}

  async execute({ claimId, viewer }: GetClaimQuery): Promise<ClaimView> {
    const row = await this.claims.findVisible(claimId, viewer);
    if (!row) throw ClaimErrors.notFound(claimId);
    return this.views.complete(row.resource);
  }
}
