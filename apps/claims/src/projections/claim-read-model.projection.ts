import type { ClaimEventV1 } from '@app/contracts';
import type { CommandStep, Transaction } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';
import { ClaimErrors } from '../domain/claim.errors';
import type { ClaimEvent, ClaimState } from '../domain/claim.state';
import type { StoredClaimView } from './claim-view';
import { evolveClaimView } from './claim-view-evolve';
import { ClaimsRepository } from './claims.repository';
import { EnrolmentFactsRepository } from './enrolment-facts.repository';

/**
 * The `claims` read model, written in the transaction of each step (a
 * service's own reads reflect its writes at once): the stored representation
 * folded with the step's events. A claim created records the enrolment facts
 * version it was computed from (the billing run, in the same transaction,
 * may pin the exact one with `ClaimsRepository.markChecked`), so later facts
 * make the next run recheck it.
 */
@Injectable()
export class ClaimReadModel {
  constructor(
    private readonly claims: ClaimsRepository,
    private readonly enrolmentFacts: EnrolmentFactsRepository,
  ) {}

  async apply(tx: Transaction, { streamId, events, version, context }: CommandStep<ClaimState, ClaimEvent>): Promise<StoredClaimView> {
    const existing = await this.claims.get(streamId, tx);
    if (events.length === 0) {
      if (!existing) throw ClaimErrors.notFound(streamId);
      return existing.resource;
    }
    const at = context.now.toISOString();
    const first = version - events.length;
    let view = existing?.resource ?? null;
    let identityEncrypted = existing?.identityEncrypted ?? null;
    let factsVersion = existing?.factsVersion ?? 0;
    for (const [i, event] of (events as ClaimEventV1[]).entries()) {
      view = evolveClaimView(view, event, first + i + 1, at);
      if (event.type === 'ClaimCreated' && !existing) {
        identityEncrypted = event.data.patient.identityEncrypted;
        factsVersion = await this.enrolmentFacts.factsVersionOf(event.data.enrolmentId, tx);
      }
    }
    if (!view) throw ClaimErrors.notFound(streamId);
    const row = await this.claims.upsert(tx, { resource: view, identityEncrypted, factsVersion });
    return row.resource;
  }
}
