import { stepActorOf } from '@app/auth';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ClaimErrors } from '../../domain/claim.errors';
import { ClaimSealing } from '../../personal-data/claim-sealing';
import type { ClaimView } from '../../projections/claim-view';
import { ClaimsRepository } from '../../projections/claims.repository';
import { ClaimSteps } from '../claim-steps';
import { claimViewerOf } from '../step-actor';
import { CancelClaimCommand } from './cancel-claim.command';

/**
 * An admin cancels a claim, with a reason sealed under the patient's key
 * before the decision. A paid claim owes its payees a credit, taken on their
 * next remittance by the payment job.
 */
@CommandHandler(CancelClaimCommand)
export class CancelClaimHandler implements ICommandHandler<CancelClaimCommand, ClaimView> {
  constructor(
    private readonly steps: ClaimSteps,
    private readonly claims: ClaimsRepository,
    private readonly sealing: ClaimSealing,
  ) {}

  execute({ input: { claimId, by, reason }, context }: CancelClaimCommand): Promise<ClaimView> {
    return this.steps.run(claimId, context, async ({ tx }) => {
      const row = await this.claims.get(claimId, tx);
      if (!row) throw ClaimErrors.notFound(claimId);
      const sealed = await this.sealing.seal(row.pseudonym, claimId, 'cancellationReason', reason, tx);
      return { type: 'CancelClaim', by: stepActorOf(by), viewer: claimViewerOf(by), reason: sealed, cause: 'BY_ADMIN', supersededBy: null, now: context.now };
    });
  }
}
