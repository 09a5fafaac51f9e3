import { DomainError } from '@app/contracts';
import { CommandPipeline, systemContext, type CommandUnit } from '@app/event-sourcing';
import { CLOCK, type Clock } from '@app/service-kit';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ClaimAggregate } from '../commands/claim.aggregate';
import { systemStepActor } from '../commands/step-actor';
import type { DeviceFacts, EnrolmentFacts } from '../domain/billing/billing-facts';
import { billableDates } from '../domain/billing/billable-days';
import { parsePeriod, type Period } from '../domain/billing/period';
import { BillingRunsRepository } from '../projections/billing-runs.repository';
import { ClaimKeysRepository } from '../projections/claim-keys.repository';
import { ClaimsRepository, type ClaimToRecheck } from '../projections/claims.repository';
import { Submissions } from '../submission/submissions';
import { BILLING_ACTOR } from './billing.queue';
import { BILLING_CONCURRENCY } from './period-billing';
import { forEachConcurrently } from './concurrently';
import { ClaimIssuer } from './claim-issuer';
import { FileActiveOfRun, type FileActiveCache } from './file-active-of-run';

const PAGE = 200;

export interface Corrected {
  rechecked: number;
  corrected: number;
}

type Outcome = { kind: 'CHECKED' } | { kind: 'CORRECTED'; claimId: string; submittable: boolean };

const sameDates = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((day, i) => day === b[i]);

/**
 * The corrections every billing run makes, whatever its period: each claim
 * in force whose enrolment facts changed since it was computed (late
 * transmissions, an incident re-qualified) gets its days recomputed. The
 * same days: it is marked checked. Other days: in ONE transaction, a
 * corrective claim (`correctionOf`, validated: below the minimum it is
 * rejected NOT_BILLABLE_DAYS), the original cancelled (CORRECTED,
 * `supersededBy`; a paid one owes a credit), the claim key handed over, and
 * the run's correction recorded.
 */
@Injectable()
export class ClaimCorrections {
  private readonly logger = new Logger(ClaimCorrections.name);

  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly aggregate: ClaimAggregate,
    private readonly issuer: ClaimIssuer,
    private readonly claims: ClaimsRepository,
    private readonly claimKeys: ClaimKeysRepository,
    private readonly runs: BillingRunsRepository,
    private readonly fileActive: FileActiveOfRun,
    private readonly submissions: Submissions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async recheck(runId: string, cache: FileActiveCache): Promise<Corrected> {
    const seen = new Set<string>();
    const totals: Corrected = { rechecked: 0, corrected: 0 };
    for (;;) {
      // A claim whose facts moved again while it was rechecked waits for the next run.
      const due = (await this.claims.toRecheck(PAGE)).filter((item) => !seen.has(item.claimId));
      if (due.length === 0) break;
      for (const item of due) seen.add(item.claimId);
      const facts = await this.issuer.factsOf([...new Set(due.map((item) => item.enrolmentId))]);
      const enrolments = new Map(facts.enrolments.map((enrolment) => [enrolment.enrolmentId, enrolment]));
      const { devices } = facts;
      await forEachConcurrently(due, BILLING_CONCURRENCY, async (item) => {
        const enrolment = enrolments.get(item.enrolmentId);
        const period = parsePeriod(item.period);
        if (!enrolment || !period) return;
        const outcome = await this.recheckOne(runId, item, enrolment, devices.get(enrolment.deviceId) ?? null, period, cache);
        if (!outcome) return;
        totals.rechecked += 1;
        if (outcome.kind !== 'CORRECTED') return;
        totals.corrected += 1;
        if (outcome.submittable) await this.submissions.enqueue(outcome.claimId, 1);
      });
    }
    return totals;
  }

  private async recheckOne(
    runId: string,
    item: ClaimToRecheck,
    enrolment: EnrolmentFacts,
    device: DeviceFacts | null,
    period: Period,
    cache: FileActiveCache,
  ): Promise<Outcome | null> {
    const now = this.clock.now();
    if (sameDates(billableDates(enrolment, device, period), item.billableDates)) {
      await this.pipeline.transaction(async (unit) => this.claims.markChecked(unit.tx, item.claimId, enrolment.factsVersion));
      return { kind: 'CHECKED' };
    }
    const fileActive = await this.fileActive.of(device, period, now, cache);
    try {
      return await this.pipeline.transaction((unit) => this.correct(unit, runId, item, enrolment, device, period, fileActive, now));
    } catch (error) {
      // Someone acted on the claim meanwhile (an admin cancelled it): nothing to correct any more.
      if (!(error instanceof DomainError)) throw error;
      this.logger.warn(`claim ${item.claimId} not corrected: ${error.code}`);
      return null;
    }
  }

  private async correct(
    unit: CommandUnit,
    runId: string,
    item: ClaimToRecheck,
    enrolment: EnrolmentFacts,
    device: DeviceFacts | null,
    period: Period,
    fileActive: { semester: string; patients: number },
    now: Date,
  ): Promise<Outcome> {
    const context = systemContext(BILLING_ACTOR, now, runId);
    const plan = this.issuer.plan({ enrolment, device, period, fileActive, alreadyClaimed: false, billingRunId: runId, now, correctionOf: item.claimId });
    // A correction is never skipped (planClaim rejects it instead); should it be, the claim stays as it is.
    if (plan.kind === 'SKIP') {
      await this.claims.markChecked(unit.tx, item.claimId, enrolment.factsVersion);
      return { kind: 'CHECKED' };
    }
    const { claim, rejection } = plan;
    await this.issuer.issue(unit, plan, enrolment.factsVersion, context);
    await unit.execute(this.aggregate, {
      streamId: item.claimId,
      command: { type: 'CancelClaim', by: systemStepActor(BILLING_ACTOR), reason: null, cause: 'CORRECTED', supersededBy: claim.claimId, now },
      context,
    });
    await this.claimKeys.reassign(unit.tx, { pseudonym: enrolment.pseudonym, indication: enrolment.indication, period: period.id }, claim.claimId);
    await this.runs.recordCorrection(unit.tx, { runId, claimId: claim.claimId, correctionOf: item.claimId });
    return { kind: 'CORRECTED', claimId: claim.claimId, submittable: rejection === null };
  }
}
