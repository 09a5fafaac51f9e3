import type { Transaction } from '@app/event-sourcing';
import { CLOCK, type Clock } from '@app/service-kit';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SkipReason } from '../domain/billing/claim-plan';
import { BillingRunCorrectionsRepository, type BillingRunCorrection } from './billing-run-corrections.repository';
import { BillingRunItemsRepository, type BillingRunItem } from './billing-run-items.repository';
import { iso, isoAt } from './sql-values';

export type BillingRunStatus = 'QUEUED' | 'RUNNING' | 'COMPLETED' | 'FAILED';
export type BillingRunTrigger = 'SCHEDULED' | 'ADMIN';

/** A billing run as its row holds it. */
export interface BillingRunRow {
  id: string;
  period: string;
  trigger: BillingRunTrigger;
  status: BillingRunStatus;
  /** The admin's `sub`, or the scheduler's `system:*` id. */
  requestedBy: string | null;
  createdAt: string;
  startedAt: string | null;
  completedAt: string | null;
  error: string | null;
}

/** `GET /v1/billing-runs/:id` (API.md "Claims"): the run and its progress. */
export interface BillingRunView {
  id: string;
  period: string;
  status: BillingRunStatus;
  trigger: BillingRunTrigger;
  enrolments: number;
  claimed: number;
  skipped: Array<{ enrolmentId: string; reason: SkipReason }>;
  corrections: Array<{ claimId: string; correctionOf: string }>;
  createdAt: string;
  startedAt: string | null;
  completedAt: string | null;
  error?: string;
}

/** A run asked for: QUEUED unless said otherwise, created now unless said otherwise. */
export interface NewBillingRun {
  id: string;
  period: string;
  trigger: BillingRunTrigger;
  status?: BillingRunStatus;
  requestedBy: string | null;
  createdAt?: Date | string;
}

const ROW = `id, period, trigger, status, requested_by AS "requestedBy", created_at AS "createdAt", started_at AS "startedAt",
  completed_at AS "completedAt", error`;

type RawRun = Omit<BillingRunRow, 'createdAt' | 'startedAt' | 'completedAt'> & { createdAt: Date; startedAt: Date | null; completedAt: Date | null };

const runOf = (raw: RawRun): BillingRunRow => ({
  ...raw,
  createdAt: isoAt(raw.createdAt),
  startedAt: iso(raw.startedAt),
  completedAt: iso(raw.completedAt),
});

/**
 * The billing runs (`billing_runs`); what they did with each enrolment and
 * the corrective claims they issued are their own tables' repositories',
 * reached through this one.
 */
@Injectable()
export class BillingRunsRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly items: BillingRunItemsRepository,
    private readonly corrections: BillingRunCorrectionsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** A run asked for (an admin's, or a scheduled one through `createScheduled`), QUEUED. */
  async create(run: NewBillingRun, tx?: Transaction): Promise<BillingRunRow> {
    const [raw] = await (tx ?? this.dataSource).query(
      `INSERT INTO billing_runs (id, period, trigger, status, requested_by, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${ROW}`,
      [run.id, run.period, run.trigger, run.status ?? 'QUEUED', run.requestedBy, isoAt(run.createdAt ?? this.clock.now())],
    );
    return runOf(raw);
  }

  /**
   * The period's scheduled run, once: false when one exists already (another
   * scheduler, an earlier minute). No conflict target: the id is derived from
   * the period, so two ticks racing collide on the primary key as well as on
   * `billing_runs_scheduled_once`, and whichever Postgres checks first must
   * not turn the loser into an error.
   */
  async createScheduled(period: string, id: string, now: Date = this.clock.now()): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO billing_runs (id, period, trigger, status, requested_by, created_at) VALUES ($1, $2, 'SCHEDULED', 'QUEUED', 'system:billing-scheduler', $3)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [id, period, now.toISOString()],
    );
    return rows.length === 1;
  }

  async get(id: string, tx?: Transaction): Promise<BillingRunRow | null> {
    const [raw] = await (tx ?? this.dataSource).query(`SELECT ${ROW} FROM billing_runs WHERE id = $1`, [id]);
    return raw ? runOf(raw) : null;
  }

  /** The run with its progress; null when missing. */
  async view(id: string): Promise<BillingRunView | null> {
    const run = await this.get(id);
    if (!run) return null;
    const summary = await this.items.summary(id);
    const corrections = await this.corrections.ofRun(id);
    return {
      id: run.id,
      period: run.period,
      status: run.status,
      trigger: run.trigger,
      enrolments: summary.enrolments,
      claimed: summary.claimed,
      skipped: summary.skipped,
      corrections,
      createdAt: run.createdAt,
      startedAt: run.startedAt,
      completedAt: run.completedAt,
      ...(run.error ? { error: run.error } : {}),
    };
  }

  /** RUNNING stamps `started_at` (the first time), COMPLETED and FAILED `completed_at`. */
  async setStatus(id: string, status: BillingRunStatus, error?: string | null, now: Date = this.clock.now()): Promise<void> {
    await this.dataSource.query(
      `UPDATE billing_runs SET status = $2,
         started_at = CASE WHEN $2::text = 'RUNNING' THEN COALESCE(started_at, $3::timestamptz) ELSE started_at END,
         completed_at = CASE WHEN $2::text IN ('COMPLETED', 'FAILED') THEN $3::timestamptz ELSE completed_at END,
         error = $4
       WHERE id = $1`,
      [id, status, now.toISOString(), error ?? null],
    );
  }

  /** The runs not finished (QUEUED or RUNNING), oldest first: what a restarted service resumes. */
  async unfinished(limit: number): Promise<BillingRunRow[]> {
    const rows: RawRun[] = await this.dataSource.query(
      `SELECT ${ROW} FROM billing_runs WHERE status IN ('QUEUED', 'RUNNING') ORDER BY created_at, id LIMIT $1`,
      [limit],
    );
    return rows.map(runOf);
  }

  /** The enrolments this run has already claimed or skipped. */
  doneEnrolments(runId: string, tx?: Transaction): Promise<Set<string>> {
    return this.items.done(runId, tx);
  }

  recordItem(tx: Transaction, item: BillingRunItem): Promise<void> {
    return this.items.record(tx, item);
  }

  recordCorrection(tx: Transaction, correction: BillingRunCorrection): Promise<void> {
    return this.corrections.record(tx, correction);
  }
}
