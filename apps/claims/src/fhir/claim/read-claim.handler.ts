import type { Claim } from '@medplum/fhirtypes';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ClaimErrors } from '../../domain/claim.errors';
import { ClaimViews } from '../../projections/claim-views';
import { ClaimsRepository } from '../../projections/claims.repository';
import { namesPlatformRow } from '@app/fhir';
import { claimResource } from './claim.resource';
import { ReadClaimQuery } from './read-claim.query';

/** `GET /fhir/R4/Claim/:id`: the claim as GET /v1/claims/:id sees it; missing and not visible are the same 404. */
@QueryHandler(ReadClaimQuery)
export class ReadClaimHandler implements IQueryHandler<ReadClaimQuery, Claim> {
  constructor(
    private readonly claims: ClaimsRepository,
    private readonly views: ClaimViews,
  ) {}

  async execute({ id, viewer }: ReadClaimQuery): Promise<Claim> {
    const row = namesPlatformRow(id) ? await this.claims.findVisible(id, viewer) : null;
    if (!row) throw ClaimErrors.notFound(id);
    return claimResource(await this.views.complete(row.resource));
  }
}
