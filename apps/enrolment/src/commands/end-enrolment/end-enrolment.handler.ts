import { stepActorOf } from '@app/auth';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EnrolmentErrors } from '../../domain/enrolment.errors';
import { EnrolmentSealing } from '../../personal-data/enrolment-sealing';
import type { EnrolmentView } from '../../projections/enrolment-view';
import { EnrolmentsRepository } from '../../projections/enrolments.repository';
import { EnrolmentSteps } from '../enrolment-steps';
import { viewerOf } from '../../principals/enrolment-viewer';
import { EndEnrolmentCommand } from './end-enrolment.command';

/** The operator or the prescriber ends monitoring for good, with a reason sealed under the patient's key before the decision (its commitment is audited). */
@CommandHandler(EndEnrolmentCommand)
export class EndEnrolmentHandler implements ICommandHandler<EndEnrolmentCommand, EnrolmentView> {
  constructor(
    private readonly steps: EnrolmentSteps,
    private readonly enrolments: EnrolmentsRepository,
    private readonly sealing: EnrolmentSealing,
  ) {}

  execute({ input: { enrolmentId, reason, by }, context }: EndEnrolmentCommand): Promise<EnrolmentView> {
    return this.steps.run(enrolmentId, context, async ({ tx }) => {
      const patient = await this.enrolments.patientOf(enrolmentId, tx);
      if (!patient) throw EnrolmentErrors.notFound(enrolmentId);
      const sealed = await this.sealing.reason(patient.pseudonym, enrolmentId, 'end', context.now, reason, tx);
      return { type: 'EndEnrolment', reason: sealed, by: stepActorOf(by), viewer: viewerOf(by), now: context.now };
    });
  }
}
