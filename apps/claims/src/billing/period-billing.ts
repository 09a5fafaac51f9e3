import { CommandPipeline, systemContext } from '@app/event-sourcing';
import { CLOCK, type Clock } from '@app/service-kit';
import { Inject, Injectable } from '@nestjs/common';
import type { DeviceFacts, EnrolmentFacts } from '../domain/billing/billing-facts';
import { type SkipReason } from '../domain/billing/claim-plan';
import type { Period } from '../domain/billing/period';
import { BillingRunsRepository } from '../projections/billing-runs.repository';
import { ClaimKeysRepository, claimKeyOf } from '../projections/claim-keys.repository';
import { EnrolmentFactsRepository } from '../projections/enrolment-facts.repository';
import { Submissions } from '../submission/submissions';
import { BILLING_ACTOR } from './billing.queue';
import { forEachConcurrently } from './concurrently';
import { ClaimIssuer } from './claim-issuer';
import { FileActiveOfRun, type FileActiveCache } from './file-active-of-run';

/** Enrolments read a page at a time; each billed in its own transaction, this many at once. */
const PAGE = 500;
export const BILLING_CONCURRENCY = 4;

export interface PeriodBilled {
  enrolments: number;
  claimed: number;
  skipped: number;
}

type Billed = { kind: 'CLAIMED'; claimId: string; submittable: boolean } | { kind: 'SKIPPED'; reason: SkipReason };

/**
 * Bills one period for one run: every enrolment of the period, a page at a
 * time, those this run already did skipped (a retried job does nothing
 * twice). Each enrolment in ONE transaction: the claim key taken, the claim
 * created (validated: a failing one is created rejected) on a new stream,
 * the run's item recorded; or the skip recorded with its reason. A claim
 * created and valid is queued for submission once committed.
 */
@Injectable()
export class PeriodBilling {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly issuer: ClaimIssuer,
    private readonly runs: BillingRunsRepository,
    private readonly enrolmentFacts: EnrolmentFactsRepository,
    private readonly claimKeys: ClaimKeysRepository,
    private readonly fileActive: FileActiveOfRun,
    private readonly submissions: Submissions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async bill(runId: string, period: Period, cache: FileActiveCache): Promise<PeriodBilled> {
    const done = await this.runs.doneEnrolments(runId);
    const totals: PeriodBilled = { enrolments: 0, claimed: 0, skipped: 0 };
    for (let after: string | null = null; ; ) {
      const ids = await this.enrolmentFacts.ofPeriod(period, after, PAGE);
      if (ids.length === 0) break;
      after = ids[ids.length - 1];
      const todo = ids.filter((id) => !done.has(id));
      const { enrolments, devices } = await this.issuer.factsOf(todo);
      const taken = await this.claimKeys.taken(enrolments.map((enrolment) => this.keyOf(enrolment, period)));
      await forEachConcurrently(enrolments, BILLING_CONCURRENCY, async (enrolment) => {
        const device = devices.get(enrolment.deviceId) ?? null;
        const billed = await this.billOne(runId, period, enrolment, device, taken.has(claimKeyOf(this.keyOf(enrolment, period))), cache);
        totals.enrolments += 1;
        if (billed.kind === 'SKIPPED') totals.skipped += 1;
        else {
          totals.claimed += 1;
          if (billed.submittable) await this.submissions.enqueue(billed.claimId, 1);
        }
      });
      if (ids.length < PAGE) break;
    }
    return totals;
  }

  private async billOne(
    runId: string,
    period: Period,
    enrolment: EnrolmentFacts,
    device: DeviceFacts | null,
    alreadyClaimed: boolean,
    cache: FileActiveCache,
  ): Promise<Billed> {
    const now = this.clock.now();
    const fileActive = await this.fileActive.of(device, period, now, cache);
    const { enrolmentId } = enrolment;
    const context = systemContext(BILLING_ACTOR, now, runId);
    return this.pipeline.transaction(async (unit): Promise<Billed> => {
      const skip = async (reason: SkipReason): Promise<Billed> => {
        await this.runs.recordItem(unit.tx, { runId, enrolmentId, outcome: 'SKIPPED', reason, claimId: null });
        return { kind: 'SKIPPED', reason };
      };
      const plan = this.issuer.plan({ enrolment, device, period, fileActive, alreadyClaimed, billingRunId: runId, now });
      if (plan.kind === 'SKIP') return skip(plan.reason);
      const { claim, rejection } = plan;
      // Another run (or replica) took the key meanwhile: this enrolment's month is claimed already.
      if (!(await this.claimKeys.claim(unit.tx, { ...this.keyOf(enrolment, period), claimId: claim.claimId }))) return skip('ALREADY_CLAIMED');
      await this.issuer.issue(unit, plan, enrolment.factsVersion, context);
      await this.runs.recordItem(unit.tx, { runId, enrolmentId, outcome: 'CLAIMED', reason: null, claimId: claim.claimId });
      return { kind: 'CLAIMED', claimId: claim.claimId, submittable: rejection === null };
    });
  }

  private keyOf(enrolment: EnrolmentFacts, period: Period) {
    return { pseudonym: enrolment.pseudonym, indication: enrolment.indication, period: period.id };
  }
}
