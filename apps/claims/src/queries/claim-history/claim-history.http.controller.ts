import { CurrentPrincipal, type Principal } from '@app/auth';
import { ApiController, UuidParam } from '@app/service-kit';
import { Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { claimViewerOf } from '../../principals/claim-viewer';
import { ClaimHistoryQuery, type ClaimHistoryItem } from './claim-history.query';

@ApiController('v1/claims', 'claims')
export class ClaimHistoryHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/history')
  history(@UuidParam() id: string, @CurrentPrincipal() viewer: Principal): Promise<{ items: ClaimHistoryItem[] }> {
    return this.queries.execute(new ClaimHistoryQuery(id, claimViewerOf(viewer)));
  }
}
