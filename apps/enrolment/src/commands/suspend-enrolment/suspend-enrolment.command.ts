import type { Principal } from '@app/auth';
import { UseCaseCommand } from '@app/event-sourcing';
import type { EnrolmentView } from '../../projections/enrolment-view';

export class SuspendEnrolmentCommand extends UseCaseCommand<{ enrolmentId: string; by: Principal; reason: string }, EnrolmentView> {}
