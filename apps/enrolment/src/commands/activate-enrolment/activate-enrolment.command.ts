import type { Principal } from '@app/auth';
import { UseCaseCommand } from '@app/event-sourcing';
import type { EnrolmentView } from '../../projections/enrolment-view';

export class ActivateEnrolmentCommand extends UseCaseCommand<{ enrolmentId: string; activatedAt?: string; by: Principal }, EnrolmentView> {}
