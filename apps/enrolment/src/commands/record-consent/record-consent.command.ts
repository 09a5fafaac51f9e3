import type { Principal } from '@app/auth';
import { UseCaseCommand } from '@app/event-sourcing';
import type { EnrolmentView } from '../../projections/enrolment-view';
import type { RecordConsentRequestDto } from './record-consent.request.dto';

export class RecordConsentCommand extends UseCaseCommand<{ enrolmentId: string; consent: RecordConsentRequestDto; by: Principal }, EnrolmentView> {}
