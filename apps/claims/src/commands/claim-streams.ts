import type { ClaimEventV1 } from '@app/contracts';
import { EventStore, type Transaction } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';
import { summarizeClaim, type ClaimSummary } from './claim-summary';

/**
 * A claim as its own stream tells it, for the jobs (submission, payment) and
 * the steps that need more than the read model's columns: read in the
 * caller's transaction when given one, so what it decides on is what the
 * command will be decided on (a concurrent step is a version conflict).
 */
@Injectable()
export class ClaimStreams {
  constructor(private readonly store: EventStore) {}

  async summaryOf(claimId: string, tx?: Transaction): Promise<ClaimSummary | null> {
    const stream = await this.store.readStream(claimId, tx ? { manager: tx } : {});
    return summarizeClaim(stream.events.map(({ type, data }) => ({ type, data }) as ClaimEventV1));
  }
}
