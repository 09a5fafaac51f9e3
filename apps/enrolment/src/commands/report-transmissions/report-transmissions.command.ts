import type { Principal } from '@app/auth';
import { UseCaseCommand } from '@app/event-sourcing';
import type { TransmissionItemDto } from './report-transmissions.request.dto';

/** 202 `{ accepted, latestAt }`: how many of the batch's transmissions count (distinct, while monitored), and the latest one known. */
export interface TransmissionsAccepted {
  accepted: number;
  latestAt: string | null;
}

export class ReportTransmissionsCommand extends UseCaseCommand<{ enrolmentId: string; items: TransmissionItemDto[]; by: Principal }, TransmissionsAccepted> {}
