import type { Principal } from '@app/auth';
import { UseCaseCommand } from '@app/event-sourcing';
import type { IncidentView } from '../incident-answer';
import type { RecordIncidentRequestDto } from './record-incident.request.dto';

export class RecordIncidentCommand extends UseCaseCommand<{ enrolmentId: string; incident: RecordIncidentRequestDto; by: Principal }, IncidentView> {}
