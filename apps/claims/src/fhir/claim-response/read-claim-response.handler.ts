import type { ClaimResponse } from '@medplum/fhirtypes';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ClaimErrors } from '../../domain/claim.errors';
import { ClaimViews } from '../../projections/claim-views';
import { ClaimsRepository } from '../../projections/claims.repository';
import { namesPlatformRow } from '@app/fhir';
import { claimResponseResource, hasAnswer } from './claim-response.resource';
import { ReadClaimResponseQuery } from './read-claim-response.query';

/** `GET /fhir/R4/ClaimResponse/:id`: the answer of a claim the caller may see; missing, hidden and unanswered are one 404. */
@QueryHandler(ReadClaimResponseQuery)
export class ReadClaimResponseHandler implements IQueryHandler<ReadClaimResponseQuery, ClaimResponse> {
  constructor(
    private readonly claims: ClaimsRepository,
    private readonly views: ClaimViews,
  ) {}

  async execute({ id, viewer }: ReadClaimResponseQuery): Promise<ClaimResponse> {
    const row = namesPlatformRow(id) ? await this.claims.findVisible(id, viewer) : null;
    const response = row && hasAnswer(row.resource) ? claimResponseResource(await this.views.complete(row.resource)) : null;
    if (!response) throw ClaimErrors.responseNotFound(id);
    return response;
  }
}
