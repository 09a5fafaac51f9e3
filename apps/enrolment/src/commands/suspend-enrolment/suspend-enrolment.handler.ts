import { stepActorOf } from '@app/auth';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EnrolmentErrors } from '../../domain/enrolment.errors';
import { EnrolmentSealing } from '../../personal-data/enrolment-sealing';
import type { EnrolmentView } from '../../projections/enrolment-view';
import { EnrolmentsRepository } from '../../projections/enrolments.repository';
import { EnrolmentSteps } from '../enrolment-steps';
import { viewerOf } from '../../principals/enrolment-viewer';
import { SuspendEnrolmentCommand } from './suspend-enrolment.command';

/** The operator or the prescriber suspends monitoring, with a reason sealed under the patient's key before the decision (its commitment is audited). */
@CommandHandler(SuspendEnrolmentCommand)
export class SuspendEnrolmentHandler implements ICommandHandler<SuspendEnrolmentCommand, EnrolmentView> {
  constructor(
    private readonly steps: EnrolmentSteps,
    private readonly enrolments: EnrolmentsRepository,
    private readonly sealing: EnrolmentSealing,
  ) {}

  execute({ input: { enrolmentId, reason, by }, context }: SuspendEnrolmentCommand): Promise<EnrolmentView> {
    return this.steps.run(enrolmentId, context, async ({ tx }) => {
      const patient = await this.enrolments.patientOf(enrolmentId, tx);
      if (!patient) throw EnrolmentErrors.notFound(enrolmentId);
      const sealed = await this.sealing.reason(patient.pseudonym, enrolmentId, 'suspension', context.now, reason, tx);
      return { type: 'SuspendEnrolment', reason: sealed, by: stepActorOf(by), viewer: viewerOf(by), now: context.now };
    });
  }
}
