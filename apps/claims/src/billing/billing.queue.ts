/** The queue of the billing runs: one job per run (deterministic id: a run enqueued twice runs once). */
export const BILLING_QUEUE = 'claims-billing';
export const BILLING_RUN_JOB = 'billing-run';
export const BILLING_ACTOR = 'system:billing-run';

/** The queue of what is decided every minute from the platform clock: the scheduled run of the month due, the stalled submissions. */
export const CLAIMS_SWEEPS_QUEUE = 'claims-sweeps';
export const BILLING_SCHEDULER_JOB = 'schedule-billing-run';
export const BILLING_SCHEDULER_ID = 'billing-run-every-minute';

/**
 * BullMQ refuses a custom id with a single `:` (only `a:b:c` passes its
 * check), so the run's job is `billing-run:<runId>:run`.
 */
export const billingRunJobId = (runId: string): string => `billing-run:${runId}:run`;

/** What a run's job carries: its id only (the period and trigger are in billing_runs). */
export interface BillingRunJobData {
  runId: string;
}

/** A crashed run is retried (its enrolments already done are skipped), a few times. */
export const BILLING_RUN_ATTEMPTS = 3;
export const BILLING_RUN_RETRY_DELAY_MS = 5_000;
