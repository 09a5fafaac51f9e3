import { stepActorOf } from '@app/auth';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ClaimView } from '../../projections/claim-view';
import { Submissions } from '../../submission/submissions';
import { ClaimSteps } from '../claim-steps';
import { claimViewerOf } from '../step-actor';
import { ResubmitClaimCommand } from './resubmit-claim.command';

/**
 * An admin retries a SUBMISSION_FAILED claim: a new submission number (a
 * late answer to the old one changes nothing), CREATED again, and, once
 * committed, the submission job of that number.
 */
@CommandHandler(ResubmitClaimCommand)
export class ResubmitClaimHandler implements ICommandHandler<ResubmitClaimCommand, ClaimView> {
  constructor(
    private readonly steps: ClaimSteps,
    private readonly submissions: Submissions,
  ) {}

  async execute({ input: { claimId, by }, context }: ResubmitClaimCommand): Promise<ClaimView> {
    const view = await this.steps.run(claimId, context, () => ({ type: 'RequestResubmission', by: stepActorOf(by), viewer: claimViewerOf(by), now: context.now }));
    if (view.status === 'CREATED') await this.submissions.enqueue(claimId, view.submission);
    return view;
  }
}
