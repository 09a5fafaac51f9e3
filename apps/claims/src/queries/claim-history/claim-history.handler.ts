import type { ClaimEventV1 } from '@app/contracts';
import { EventStore } from '@app/event-sourcing';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ClaimErrors } from '../../domain/claim.errors';
import { ClaimSealing } from '../../personal-data/claim-sealing';
import { ClaimsRepository } from '../../projections/claims.repository';
import { ClaimHistoryQuery, type ClaimHistoryItem } from './claim-history.query';
import { historyData } from './history-data';

/** The claim's own events, for whoever may see it (the same 404 otherwise), their texts opened. */
@QueryHandler(ClaimHistoryQuery)
export class ClaimHistoryHandler implements IQueryHandler<ClaimHistoryQuery, { items: ClaimHistoryItem[] }> {
  constructor(
    private readonly claims: ClaimsRepository,
    private readonly store: EventStore,
    private readonly sealing: ClaimSealing,
  ) {}

  async execute({ claimId, viewer }: ClaimHistoryQuery): Promise<{ items: ClaimHistoryItem[] }> {
    const row = await this.claims.findVisible(claimId, viewer);
    if (!row) throw ClaimErrors.notFound(claimId);
    const { events } = await this.store.readStream(claimId);
    const items: ClaimHistoryItem[] = [];
    for (const { type, version, occurredAt, metadata, data } of events) {
      const event = { type, data } as ClaimEventV1;
      const opened = await historyData(event, (field, sealed) => this.sealing.open(row.pseudonym, claimId, field, sealed));
      items.push({ type, version, occurredAt, actor: metadata.actor, data: opened });
    }
    return { items };
  }
}
