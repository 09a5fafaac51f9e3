import { stepActorOf } from '@app/auth';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EnrolmentView } from '../../projections/enrolment-view';
import { CertificationOf } from '../certification-of';
import { EnrolmentSteps } from '../enrolment-steps';
import { viewerOf } from '../../principals/enrolment-viewer';
import { ActivateEnrolmentCommand } from './activate-enrolment.command';

/** The operator starts monitoring: consent, open rights, the prescribed device, an ISSUED prescription and a certification in force. */
@CommandHandler(ActivateEnrolmentCommand)
export class ActivateEnrolmentHandler implements ICommandHandler<ActivateEnrolmentCommand, EnrolmentView> {
  constructor(
    private readonly steps: EnrolmentSteps,
    private readonly certificationOf: CertificationOf,
  ) {}

  execute({ input: { enrolmentId, activatedAt, by }, context }: ActivateEnrolmentCommand): Promise<EnrolmentView> {
    return this.steps.run(enrolmentId, context, async ({ tx }) => ({
      type: 'ActivateEnrolment',
      activatedAt: activatedAt ? new Date(activatedAt) : context.now,
      certification: await this.certificationOf.enrolment(enrolmentId, tx),
      by: stepActorOf(by),
      viewer: viewerOf(by),
      now: context.now,
    }));
  }
}
