import { stepActorOf } from '@app/auth';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EnrolmentView } from '../../projections/enrolment-view';
import { CertificationOf } from '../certification-of';
import { EnrolmentSteps } from '../enrolment-steps';
import { viewerOf } from '../../principals/enrolment-viewer';
import { ResumeEnrolmentCommand } from './resume-enrolment.command';

/** The operator or the prescriber resumes monitoring: a consent in force and everything activation needs must hold again. */
@CommandHandler(ResumeEnrolmentCommand)
export class ResumeEnrolmentHandler implements ICommandHandler<ResumeEnrolmentCommand, EnrolmentView> {
  constructor(
    private readonly steps: EnrolmentSteps,
    private readonly certificationOf: CertificationOf,
  ) {}

  execute({ input: { enrolmentId, by }, context }: ResumeEnrolmentCommand): Promise<EnrolmentView> {
    return this.steps.run(enrolmentId, context, async ({ tx }) => ({
      type: 'ResumeEnrolment',
      certification: await this.certificationOf.enrolment(enrolmentId, tx),
      by: stepActorOf(by),
      viewer: viewerOf(by),
      now: context.now,
    }));
  }
}
