import type { Principal } from '@app/auth';
import { UseCaseCommand } from '@app/event-sourcing';

/** What `POST /v1/billing-runs` answers (202): the run is queued, its progress at `GET /v1/billing-runs/:id`. */
export interface QueuedBillingRun {
  id: string;
  period: string;
  status: 'QUEUED';
}

export class StartBillingRunCommand extends UseCaseCommand<{ period: string; by: Principal }, QueuedBillingRun> {}
