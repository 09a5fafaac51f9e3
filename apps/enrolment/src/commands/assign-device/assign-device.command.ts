import type { Principal } from '@app/auth';
import { UseCaseCommand } from '@app/event-sourcing';
import type { EnrolmentView } from '../../projections/enrolment-view';

export class AssignDeviceCommand extends UseCaseCommand<{ enrolmentId: string; serialNumber: string; udiDi: string; by: Principal }, EnrolmentView> {}
