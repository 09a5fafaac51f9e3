import { stepActorOf } from '@app/auth';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ClaimErrors } from '../../domain/claim.errors';
import { Payments } from '../../payment/payments';
import { ClaimSealing } from '../../personal-data/claim-sealing';
import type { ClaimView } from '../../projections/claim-view';
import { ClaimsRepository } from '../../projections/claims.repository';
import type { ClaimCommandRequest } from '../claim.aggregate';
import { mayNot } from '../claim-refusals';
import { ClaimSteps } from '../claim-steps';
import { claimViewerOf } from '../step-actor';
import { AdjudicateClaimCommand } from './adjudicate-claim.command';

/**
 * A claims processor decides a SUBMITTED claim (another who sees it is a
 * 403, one who does not the 404 of a missing one): approve it, reject it with a
 * reason code (a note sealed under the patient's key before the decision),
 * or line by line. An approval is paid by the next payment job, queued once
 * the decision is committed.
 */
@CommandHandler(AdjudicateClaimCommand)
export class AdjudicateClaimHandler implements ICommandHandler<AdjudicateClaimCommand, ClaimView> {
  constructor(
    private readonly steps: ClaimSteps,
    private readonly claims: ClaimsRepository,
    private readonly sealing: ClaimSealing,
    private readonly payments: Payments,
  ) {}

  async execute({ input: { claimId, by, request }, context }: AdjudicateClaimCommand): Promise<ClaimView> {
    const viewer = claimViewerOf(by);
    const common = { by: stepActorOf(by), viewer, now: context.now };
    const view = await this.steps.run(claimId, context, async ({ tx }): Promise<ClaimCommandRequest> => {
      const row = await this.claims.findVisible(claimId, viewer, tx);
      if (!row) throw ClaimErrors.notFound(claimId);
      if (by.role !== 'claims_processor') throw mayNot('only a claims processor adjudicates a claim');
      switch (request.decision) {
        case 'APPROVE':
          return { type: 'Adjudicate', decision: 'APPROVE', ...common };
        case 'REJECT': {
          const note = request.note === undefined ? null : await this.sealing.seal(row.pseudonym, claimId, 'rejectionNote', request.note, tx);
          return { type: 'Adjudicate', decision: 'REJECT', reasonCode: request.reasonCode!, note, ...common };
        }
        case 'PARTIAL':
          return {
            type: 'Adjudicate',
            decision: 'PARTIAL',
            lines: (request.lines ?? []).map(({ kind, decision, reasonCode }) => ({ kind, decision, reasonCode: reasonCode ?? null })),
            ...common,
          };
      }
    });
    if (view.status === 'APPROVED') await this.payments.enqueueSoon(context.now);
    return view;
  }
}
