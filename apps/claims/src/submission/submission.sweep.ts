import { CLOCK, type Clock, type JobHandler } from '@app/service-kit';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ClaimsRepository } from '../projections/claims.repository';
import { Submissions } from './submissions';

export const SUBMISSION_SWEEP_JOB = 'resubmit-stalled-claims';
export const SUBMISSION_SWEEP_SCHEDULER_ID = 'submission-sweep-every-minute';

/** A claim CREATED for longer than this without a job in flight lost its submission job. */
const STALLED_AFTER_MS = 60_000;
const PAGE = 500;

/**
 * Every minute, on the platform clock: the CREATED claims untouched for a
 * minute get their submission job again, in case the process stopped between
 * a commit and its enqueue. Job ids are deterministic, so a job still
 * waiting or retrying is not doubled.
 */
@Injectable()
export class SubmissionSweep implements JobHandler<{ requeued: string[] }> {
  private readonly logger = new Logger(SubmissionSweep.name);

  constructor(
    private readonly claims: ClaimsRepository,
    private readonly submissions: Submissions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(): Promise<{ requeued: string[] }> {
    const olderThan = new Date(this.clock.now().getTime() - STALLED_AFTER_MS);
    const requeued: string[] = [];
    for (const { resource } of await this.claims.submittable(olderThan, PAGE)) {
      if ((await this.submissions.ensure(resource.id, resource.submission)) !== 'pending') requeued.push(resource.id);
    }
    if (requeued.length > 0) this.logger.log(`queued the submission of ${requeued.length} stalled claim(s) again`);
    return { requeued };
  }
}
