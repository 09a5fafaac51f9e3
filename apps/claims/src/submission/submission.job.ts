import { ERASED } from '@app/contracts';
import { CommandPipeline, systemContext } from '@app/event-sourcing';
import { CLOCK, type Clock, type JobHandler } from '@app/service-kit';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { v7 as uuidv7 } from 'uuid';
import { ClaimAggregate } from '../commands/claim.aggregate';
import type { ClaimCommand } from '../domain/claim.commands';
import { ClaimSealing } from '../personal-data/claim-sealing';
import { ClaimsRepository } from '../projections/claims.repository';
import { AMO_CLAIMS_PORT, type AmoClaimAnswer, type AmoClaimsPort } from './amo-claims.port';
import { SUBMISSION_ACTOR, type SubmissionJobData } from './submission.queue';

type Outcome = { claimId: string; submission: number; outcome: 'RECEIVED' | 'REFUSED' | 'FAILED' | 'STALE' };
type SubmissionOutcome = Extract<ClaimCommand, { type: 'RecordSubmission' }>['outcome'];

/** The reason code of a claim whose patient's identity can no longer be opened (erased): nothing can be sent. */
export const IDENTITY_UNKNOWN = 'IDENTITY_UNKNOWN';

/**
 * Submits one claim to the AMO claims port and records the answer
 * (RecordSubmission, audited under the platform's actor): RECEIVED makes it
 * SUBMITTED, REFUSED rejects it (source AMO). The NIR and birth date are
 * opened just for the call and never logged, nor is the adapter's error
 * text. A failure is retried by BullMQ with exponential backoff; the last
 * attempt that fails records FAILED (SUBMISSION_FAILED, an admin may
 * resubmit). A patient erased meanwhile cannot be identified to the AMO:
 * recorded as refused with IDENTITY_UNKNOWN, without any call.
 */
@Injectable()
export class SubmissionJob implements JobHandler<Outcome> {
  private readonly logger = new Logger(SubmissionJob.name);

  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly aggregate: ClaimAggregate,
    private readonly claims: ClaimsRepository,
    private readonly sealing: ClaimSealing,
    @Inject(AMO_CLAIMS_PORT) private readonly amo: AmoClaimsPort,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(job: Job<SubmissionJobData>): Promise<Outcome> {
    const { claimId, submission } = job.data;
    const attempt = job.attemptsMade + 1;
    const last = attempt >= (job.opts.attempts ?? 1);
    const row = await this.claims.get(claimId);
    if (!row) throw new Error(`claim ${claimId} not found (yet)`);
    const claim = row.resource;
    // Another answer was recorded, or a resubmission made a new number: this job has nothing left to do.
    if (claim.status !== 'CREATED' || claim.submission !== submission) return { claimId, submission, outcome: 'STALE' };
    const identity = await this.sealing.identityOf(claim.enrolmentId, row.pseudonym, row.identityEncrypted);
    if (identity === ERASED) return this.record(job, { kind: 'REFUSED', reasonCode: IDENTITY_UNKNOWN, attempts: attempt });
    let answer: AmoClaimAnswer;
    try {
      answer = await this.amo.submit({
        claimId,
        pseudonym: row.pseudonym,
        nir: identity.nir,
        birthDate: identity.birthDate,
        period: claim.period,
        lines: claim.lines.map(({ kind, code, payee, amountCents, amoShareCents }) => ({ kind, code, payee, amountCents, amoShareCents })),
        totalCents: claim.totalCents,
        amoShareCents: claim.amoShareCents,
      });
    } catch (error) {
      // Never the error's text: an adapter's message could echo the request.
      const kind = (error as Error)?.name ?? 'Error';
      this.logger.warn(`submission ${submission} of claim ${claimId} failed, attempt ${attempt}: ${kind}`);
      if (last) return this.record(job, { kind: 'FAILED', attempts: attempt, lastError: `the AMO claims service did not answer (${kind})` });
      throw new Error(`the AMO claims port did not answer (attempt ${attempt})`);
    }
    return this.record(job, { ...answer, attempts: attempt });
  }

  private async record(job: Job<SubmissionJobData>, outcome: SubmissionOutcome): Promise<Outcome> {
    const { claimId, submission } = job.data;
    const now = this.clock.now();
    await this.pipeline.run(this.aggregate, {
      streamId: claimId,
      command: { type: 'RecordSubmission', submission, outcome, now },
      context: systemContext(SUBMISSION_ACTOR, now, uuidv7()),
    });
    return { claimId, submission, outcome: outcome.kind };
  }
}
