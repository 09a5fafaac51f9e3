import { ERASED } from '@app/contracts';
import { CommandPipeline, systemContext } from '@app/event-sourcing';
import { CLOCK, type Clock, type JobHandler } from '@app/service-kit';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { v7 as uuidv7 } from 'uuid';
import { EnrolmentAggregate } from '../commands/enrolment.aggregate';
import { EnrolmentSealing } from '../personal-data/enrolment-sealing';
import { EnrolmentsRepository } from '../projections/enrolments.repository';
import { AMO_RIGHTS_PORT, type AmoRightsPort } from '../rights/amo-rights.port';
import { RIGHTS_ACTOR, type RightsCheckJobData } from './rights-check.queue';

type Outcome = { enrolmentId: string; request: number; status: 'OPEN' | 'CLOSED' | 'UNAVAILABLE' };

/**
 * Asks the AMO rights port about an enrolment's patient and records the
 * answer as an event (RightsChecked, audited under the platform's actor).
 * The NIR and birth date are opened from the enrolment just for the call.
 * A failure is retried by BullMQ with exponential backoff; the last attempt
 * that fails records UNAVAILABLE, which an operator sees and can ask again.
 */
@Injectable()
export class RightsCheckJob implements JobHandler<Outcome> {
  private readonly logger = new Logger(RightsCheckJob.name);

  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly aggregate: EnrolmentAggregate,
    private readonly enrolments: EnrolmentsRepository,
    private readonly sealing: EnrolmentSealing,
    @Inject(AMO_RIGHTS_PORT) private readonly amo: AmoRightsPort,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(job: Job<RightsCheckJobData>): Promise<Outcome> {
    const { enrolmentId, request } = job.data;
    const attempt = job.attemptsMade + 1;
    const last = attempt >= (job.opts.attempts ?? 1);
    // Not there yet: the step that asked has not committed (its retries wait for it), or it rolled back (nothing to check).
    const patient = await this.enrolments.patientOf(enrolmentId);
    if (!patient) throw new Error(`enrolment ${enrolmentId} not found (yet)`);
    const identity = await this.sealing.identityOf(enrolmentId, patient);
    if (identity === ERASED) return this.record(job, 'UNAVAILABLE', attempt);
    try {
      const status = await this.amo.check({ pseudonym: patient.pseudonym, nir: identity.nir, birthDate: identity.birthDate });
      return await this.record(job, status, attempt);
    } catch (error) {
      // Never the error's text: an adapter's message could echo the request.
      this.logger.warn(`rights check of enrolment ${enrolmentId} (request ${request}) failed, attempt ${attempt}: ${(error as Error).name}`);
      if (last) return this.record(job, 'UNAVAILABLE', attempt);
      throw new Error(`the AMO rights port did not answer (attempt ${attempt})`);
    }
  }

  private async record(job: Job<RightsCheckJobData>, status: Outcome['status'], attempts: number): Promise<Outcome> {
    const { enrolmentId, request } = job.data;
    const now = this.clock.now();
    await this.pipeline.run(this.aggregate, {
      streamId: enrolmentId,
      command: { type: 'RecordRights', request, status, attempts, now },
      context: systemContext(RIGHTS_ACTOR, now, uuidv7()),
    });
    return { enrolmentId, request, status };
  }
}
