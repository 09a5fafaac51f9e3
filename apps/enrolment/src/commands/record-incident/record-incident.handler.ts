import { stepActorOf } from '@app/auth';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { EnrolmentSteps } from '../enrolment-steps';
import { incidentIn, type IncidentView } from '../incident-answer';
import { viewerOf } from '../../principals/enrolment-viewer';
import { RecordIncidentCommand } from './record-incident.command';

/** The operator records a connectivity incident; its responsible party follows from its cause (DOMAIN.md "Responsibility"). */
@CommandHandler(RecordIncidentCommand)
export class RecordIncidentHandler implements ICommandHandler<RecordIncidentCommand, IncidentView> {
  constructor(private readonly steps: EnrolmentSteps) {}

  async execute({ input: { enrolmentId, incident, by }, context }: RecordIncidentCommand): Promise<IncidentView> {
    const incidentId = uuidv7();
    const enrolment = await this.steps.run(enrolmentId, context, () => ({
      type: 'RecordIncident',
      incidentId,
      startedAt: new Date(incident.startedAt),
      endedAt: incident.endedAt ? new Date(incident.endedAt) : null,
      cause: incident.cause,
      by: stepActorOf(by),
      viewer: viewerOf(by),
      now: context.now,
    }));
    return incidentIn(enrolment, incidentId);
  }
}
