import { CLAIM_EVENTS_V1 } from '@app/contracts';
import type { Aggregate, CommandRequest, CommandStep, Transaction } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';
import { claimAuditDraft } from '../domain/claim.audit';
import type { ClaimCommand } from '../domain/claim.commands';
import { claimDecider } from '../domain/claim.decider';
import { ClaimErrors } from '../domain/claim.errors';
import type { ClaimEvent, ClaimState } from '../domain/claim.state';
import type { ClaimViewer } from '../domain/claim-visibility';
import { ClaimReadModel } from '../projections/claim-read-model.projection';
import type { StoredClaimView } from '../projections/claim-view';
import { ClaimsRepository } from '../projections/claims.repository';

/** A command as a user's step sends it: with how its caller sees claims, which admission checks (a job's carries none). */
export type ClaimCommandRequest = ClaimCommand & { viewer?: ClaimViewer };

/** The Claim aggregate as the command pipeline runs it: every claim use case and job goes through here. */
@Injectable()
export class ClaimAggregate implements Aggregate<ClaimState, ClaimCommand, ClaimEvent, StoredClaimView> {
  readonly streamType = 'claim';
  readonly contract = CLAIM_EVENTS_V1;
  readonly decider = claimDecider;

  constructor(
    private readonly claims: ClaimsRepository,
    private readonly readModel: ClaimReadModel,
  ) {}

  /** A user who may not see the claim learns nothing of it: the 404 of a missing one, before any decision. */
  async admit(tx: Transaction, { streamId, command }: CommandRequest<ClaimCommand>): Promise<void> {
    const { viewer } = command as ClaimCommandRequest;
    if (!viewer) return;
    if (!(await this.claims.findVisible(streamId, viewer, tx))) throw ClaimErrors.notFound(streamId);
  }

  audit({ events, state, context }: CommandStep<ClaimState, ClaimEvent>) {
    return claimAuditDraft(events, state, context.actor);
  }

  project(tx: Transaction, step: CommandStep<ClaimState, ClaimEvent>): Promise<StoredClaimView> {
    return this.readModel.apply(tx, step);
  }
}
