import { stepActorOf } from '@app/auth';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EnrolmentSteps } from '../enrolment-steps';
import { incidentIn, type IncidentView } from '../incident-answer';
import { viewerOf } from '../../principals/enrolment-viewer';
import { UpdateIncidentCommand } from './update-incident.command';

/** The operator closes an incident or names its cause once investigated (one the platform opened too); audited, the party following the cause. */
@CommandHandler(UpdateIncidentCommand)
export class UpdateIncidentHandler implements ICommandHandler<UpdateIncidentCommand, IncidentView> {
  constructor(private readonly steps: EnrolmentSteps) {}

  async execute({ input: { enrolmentId, incidentId, change, by }, context }: UpdateIncidentCommand): Promise<IncidentView> {
    const enrolment = await this.steps.run(enrolmentId, context, () => ({
      type: 'UpdateIncident',
      incidentId,
      ...(change.endedAt ? { endedAt: new Date(change.endedAt) } : {}),
      ...(change.cause ? { cause: change.cause } : {}),
      by: stepActorOf(by),
      viewer: viewerOf(by),
      now: context.now,
    }));
    return incidentIn(enrolment, incidentId);
  }
}
