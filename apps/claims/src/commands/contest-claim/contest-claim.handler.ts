import { stepActorOf } from '@app/auth';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ClaimErrors } from '../../domain/claim.errors';
import { canContest } from '../../domain/claim-visibility';
import { ClaimSealing } from '../../personal-data/claim-sealing';
import type { ClaimView } from '../../projections/claim-view';
import { ClaimsRepository } from '../../projections/claims.repository';
import { mayNot } from '../claim-refusals';
import { ClaimSteps } from '../claim-steps';
import { claimViewerOf } from '../step-actor';
import { ContestClaimCommand } from './contest-claim.command';

/**
 * A payee (the operator org of the OPERATOR line, the exploitant of the
 * TECHNICAL line) contests a rejection, once: the claim goes back to the
 * processors' queue. The note is sealed under the patient's key before the
 * decision. One who sees the claim but is not paid by it is a 403; one who
 * does not see it, the 404 of a missing one.
 */
@CommandHandler(ContestClaimCommand)
export class ContestClaimHandler implements ICommandHandler<ContestClaimCommand, ClaimView> {
  constructor(
    private readonly steps: ClaimSteps,
    private readonly claims: ClaimsRepository,
    private readonly sealing: ClaimSealing,
  ) {}

  execute({ input: { claimId, by, note }, context }: ContestClaimCommand): Promise<ClaimView> {
    const viewer = claimViewerOf(by);
    return this.steps.run(claimId, context, async ({ tx }) => {
      const row = await this.claims.findVisible(claimId, viewer, tx);
      if (!row) throw ClaimErrors.notFound(claimId);
      if (!canContest(row.resource, viewer)) throw mayNot(`only a payee of claim ${claimId} may contest it`);
      const sealed = await this.sealing.seal(row.pseudonym, claimId, 'contestNote', note, tx);
      return { type: 'ContestClaim', by: stepActorOf(by), viewer, note: sealed, now: context.now };
    });
  }
}
