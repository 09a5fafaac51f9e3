import type { Principal } from '@app/auth';
import { UseCaseCommand } from '@app/event-sourcing';
import type { IncidentView } from '../incident-answer';
import type { UpdateIncidentRequestDto } from './update-incident.request.dto';

export class UpdateIncidentCommand extends UseCaseCommand<
  { enrolmentId: string; incidentId: string; change: UpdateIncidentRequestDto; by: Principal },
  IncidentView
> {}
