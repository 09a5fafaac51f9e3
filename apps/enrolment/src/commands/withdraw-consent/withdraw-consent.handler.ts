import { stepActorOf } from '@app/auth';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EnrolmentView } from '../../projections/enrolment-view';
import { EnrolmentSteps } from '../enrolment-steps';
import { viewerOf } from '../../principals/enrolment-viewer';
import { WithdrawConsentCommand } from './withdraw-consent.command';

/** The patient, the prescriber or the operator withdraws the consent in force: monitoring stops at once (SUSPENDED, cause CONSENT_WITHDRAWN). */
@CommandHandler(WithdrawConsentCommand)
export class WithdrawConsentHandler implements ICommandHandler<WithdrawConsentCommand, EnrolmentView> {
  constructor(private readonly steps: EnrolmentSteps) {}

  execute({ input: { enrolmentId, by }, context }: WithdrawConsentCommand): Promise<EnrolmentView> {
    return this.steps.run(enrolmentId, context, () => ({ type: 'WithdrawConsent', by: stepActorOf(by), viewer: viewerOf(by), now: context.now }));
  }
}
