import { CommandPipeline, systemContext, type CommandUnit } from '@app/event-sourcing';
import { CLOCK, type Clock, type JobHandler } from '@app/service-kit';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { ClaimAggregate } from '../commands/claim.aggregate';
import { ClaimStreams } from '../commands/claim-streams';
import type { ClaimSummary } from '../commands/claim-summary';
import type { ClaimRow } from '../projections/claims.repository';
import { ClaimsRepository } from '../projections/claims.repository';
import { RemittancesRepository } from '../projections/remittances.repository';
import { PaymentLockRepository } from './payment-lock.repository';
import { paymentReference } from './payment-reference';
import { PAYMENT_ACTOR } from './payment.queue';
import { creditLines, payableLines, planRemittances, type PaymentItem } from './remittance-plan';

/** Claims (and credits) one payment run takes at most; the job runs again at once while there are more. */
const BATCH = 200;
const MAX_RUNS = 50;

type Paid = { paymentRunId: string; reference: string; claims: number; credits: number; remittances: number };

/**
 * Pays the APPROVED claims (the AMO share of their approved lines) and takes
 * back the credits of the paid claims cancelled since, grouped per payee
 * (the OPERATOR line to the operator org, the TECHNICAL line to the
 * exploitant): one payment run, one reference, one remittance per payee,
 * written in the same transaction as every claim's PayClaim / SettleCredit
 * (audited under `system:payment`). A Postgres advisory lock keeps two
 * replicas from paying at once; the loser pays nothing this time.
 */
@Injectable()
export class PaymentJob implements JobHandler<{ runs: Paid[] }> {
  private readonly logger = new Logger(PaymentJob.name);

  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly aggregate: ClaimAggregate,
    private readonly claims: ClaimsRepository,
    private readonly streams: ClaimStreams,
    private readonly remittances: RemittancesRepository,
    private readonly lock: PaymentLockRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(): Promise<{ runs: Paid[] }> {
    const runs: Paid[] = [];
    for (let round = 0; round < MAX_RUNS; round += 1) {
      const paid = await this.pipeline.transaction((unit) => this.payOnce(unit));
      if (!paid) break;
      runs.push(paid);
      this.logger.log(`payment run ${paid.reference}: ${paid.claims} claim(s), ${paid.credits} credit(s), ${paid.remittances} remittance(s)`);
      if (paid.claims < BATCH && paid.credits < BATCH) break;
    }
    return { runs };
  }

  /** One payment run, or null when another holds the lock or nothing is due. */
  private async payOnce(unit: CommandUnit): Promise<Paid | null> {
    const { tx } = unit;
    if (!(await this.lock.tryLock(tx))) return null;
    const approved = await this.due(await this.claims.approvedUnpaid(BATCH, tx), unit, (s) => s.status === 'APPROVED');
    const credits = await this.due(await this.claims.creditsDue(BATCH, tx), unit, (s) => s.status === 'CANCELLED' && (s.cancelled?.creditCents ?? 0) > 0 && !s.creditSettled);
    const items: PaymentItem[] = [
      ...approved.map((s) => ({ claimId: s.claim.claimId, period: s.claim.period, kind: 'PAY' as const, lines: payableLines(s) })),
      ...credits.map((s) => ({ claimId: s.claim.claimId, period: s.claim.period, kind: 'CREDIT' as const, lines: creditLines(s) })),
    ];
    if (items.length === 0) return null;
    const now = this.clock.now();
    const paymentRunId = uuidv7();
    const reference = paymentReference(now);
    const plan = planRemittances(items, { paymentRunId, reference, paidAt: now.toISOString(), newId: uuidv7 });
    for (const remittance of plan.remittances) await this.remittances.insert(tx, remittance);
    const context = systemContext(PAYMENT_ACTOR, now, paymentRunId);
    for (const { claimId, kind, lines } of plan.items) {
      const command = { paymentRunId, reference, lines, now };
      await unit.execute(this.aggregate, { streamId: claimId, command: kind === 'PAY' ? { type: 'PayClaim', ...command } : { type: 'SettleCredit', ...command }, context });
    }
    return { paymentRunId, reference, claims: approved.length, credits: credits.length, remittances: plan.remittances.length };
  }

  /** The claims of the rows still due as their streams tell it inside this transaction (a step committed meanwhile is seen). */
  private async due(rows: ClaimRow[], unit: CommandUnit, isDue: (summary: ClaimSummary) => boolean): Promise<ClaimSummary[]> {
    const summaries: ClaimSummary[] = [];
    for (const row of rows) {
      const summary = await this.streams.summaryOf(row.resource.id, unit.tx);
      if (summary && isDue(summary)) summaries.push(summary);
    }
    return summaries;
  }
}
