import type { Transaction } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SkipReason } from '../domain/billing/claim-plan';

/** What a run did with one enrolment of its period. */
export interface BillingRunItem {
  runId: string;
  enrolmentId: string;
  outcome: 'CLAIMED' | 'SKIPPED';
  reason: SkipReason | null;
  claimId: string | null;
}

/** Each enrolment a billing run looked at (`billing_run_items`): a retried job finds those already done. */
@Injectable()
export class BillingRunItemsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Once per run and enrolment: a redone one changes nothing. */
  async record(tx: Transaction, item: BillingRunItem): Promise<void> {
    await tx.query(
      `INSERT INTO billing_run_items (run_id, enrolment_id, outcome, reason, claim_id) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [item.runId, item.enrolmentId, item.outcome, item.reason, item.claimId],
    );
  }

  async done(runId: string, tx?: Transaction): Promise<Set<string>> {
    const rows: Array<{ enrolmentId: string }> = await (tx ?? this.dataSource).query(
      `SELECT enrolment_id AS "enrolmentId" FROM billing_run_items WHERE run_id = $1`,
      [runId],
    );
    return new Set(rows.map((row) => row.enrolmentId));
  }

  /** The run's counts and its skipped enrolments with their reasons, by enrolment id. */
  async summary(runId: string, tx?: Transaction): Promise<{ enrolments: number; claimed: number; skipped: Array<{ enrolmentId: string; reason: SkipReason }> }> {
    const runner = tx ?? this.dataSource;
    const [counts] = await runner.query(
      `SELECT count(*)::int AS enrolments, count(*) FILTER (WHERE outcome = 'CLAIMED')::int AS claimed FROM billing_run_items WHERE run_id = $1`,
      [runId],
    );
    const skipped = await runner.query(
      `SELECT enrolment_id AS "enrolmentId", reason FROM billing_run_items WHERE run_id = $1 AND outcome = 'SKIPPED' ORDER BY enrolment_id`,
      [runId],
    );
    return { enrolments: counts.enrolments, claimed: counts.claimed, skipped };
  }
}
