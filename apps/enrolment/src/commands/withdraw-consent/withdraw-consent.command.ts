import type { Principal } from '@app/auth';
import { UseCaseCommand } from '@app/event-sourcing';
import type { EnrolmentView } from '../../projections/enrolment-view';

export class WithdrawConsentCommand extends UseCaseCommand<{ enrolmentId: string; by: Principal }, EnrolmentView> {}
