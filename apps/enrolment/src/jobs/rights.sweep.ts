import { CLOCK, type Clock, type JobHandler } from '@app/service-kit';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { EnrolmentsRepository, type PendingRightsCursor } from '../projections/enrolments.repository';
import { RightsChecks } from './rights-checks';

export const RIGHTS_SWEEP_JOB = 'ensure-pending-rights-checks';
export const RIGHTS_SWEEP_SCHEDULER_ID = 'rights-checks-every-minute';

/**
 * Rights PENDING for longer than this without an event: more than the time the
 * job takes to start (the first check waits half a second for its commit), so
 * a check just asked is never looked at; one still in its backoff is found
 * but left alone by `ensure`.
 */
const STALLED_AFTER_MS = 60_000;
const PAGE = 500;
/**
 * Pages a run reads at most: a job still in flight leaves its enrolment
 * PENDING, so without paging on, a first page of those would hide the lost
 * ones behind it every minute. The next minute's run takes what is left.
 */
const MAX_PAGES = 10;

/**
 * Every minute, on the platform clock: the enrolments not ENDED whose rights
 * are still PENDING a minute after their last event get their check again,
 * in case its job was lost (the process stopped between the commit that asked
 * and the enqueue) or failed for good before it could record anything (Postgres
 * out of reach at every attempt). Without it those rights stayed PENDING until
 * an operator asked again. Job ids are deterministic (enrolment and request),
 * so a job still waiting or retrying is not doubled.
 */
@Injectable()
export class RightsSweep implements JobHandler<{ requeued: string[] }> {
  private readonly logger = new Logger(RightsSweep.name);

  constructor(
    private readonly enrolments: EnrolmentsRepository,
    private readonly rightsChecks: RightsChecks,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(): Promise<{ requeued: string[] }> {
    const olderThan = new Date(this.clock.now().getTime() - STALLED_AFTER_MS);
    const requeued: string[] = [];
    let after: PendingRightsCursor | null = null;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const pending = await this.enrolments.pendingRights(olderThan, after, PAGE);
      for (const { id, request } of pending) {
        if ((await this.rightsChecks.ensure(id, request)) !== 'pending') requeued.push(id);
      }
      if (pending.length < PAGE) break;
      const last = pending[pending.length - 1];
      after = { updatedAt: last.updatedAt, id: last.id };
    }
    if (requeued.length > 0) this.logger.log(`asked again for the rights check of ${requeued.length} stalled enrolment(s)`);
    return { requeued };
  }
}
