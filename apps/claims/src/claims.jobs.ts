import type { ServiceJobs } from '@app/service-kit';
import { BILLING_QUEUE, BILLING_RUN_JOB, BILLING_SCHEDULER_ID, BILLING_SCHEDULER_JOB, CLAIMS_SWEEPS_QUEUE } from './billing/billing.queue';
import { BillingRunJob } from './billing/billing-run.job';
import { BillingScheduler } from './billing/billing.scheduler';
import { PAYMENT_JOB, PAYMENT_QUEUE, PAYMENT_SCHEDULER_ID } from './payment/payment.queue';
import { PaymentJob } from './payment/payment.job';
import { SUBMISSION_JOB, SUBMISSION_QUEUE } from './submission/submission.queue';
import { SubmissionJob } from './submission/submission.job';
import { SUBMISSION_SWEEP_JOB, SUBMISSION_SWEEP_SCHEDULER_ID, SubmissionSweep } from './submission/submission.sweep';

/**
 * Every job of the service: the billing runs (one job per run), the
 * submissions to the AMO (talking to the outside, retried with backoff), the
 * payment job (every minute and soon after an approval), and the sweeps that
 * decide from the platform clock every minute what is due (the month to
 * bill, the submissions lost in a crash).
 */
export const CLAIMS_JOBS: ServiceJobs = [
  { queue: BILLING_QUEUE, jobs: [{ name: BILLING_RUN_JOB, handler: BillingRunJob }] },
  { queue: SUBMISSION_QUEUE, jobs: [{ name: SUBMISSION_JOB, handler: SubmissionJob }] },
  { queue: PAYMENT_QUEUE, jobs: [{ name: PAYMENT_JOB, handler: PaymentJob, everyMinuteAs: PAYMENT_SCHEDULER_ID }] },
  {
    queue: CLAIMS_SWEEPS_QUEUE,
    jobs: [
      { name: BILLING_SCHEDULER_JOB, handler: BillingScheduler, everyMinuteAs: BILLING_SCHEDULER_ID },
      { name: SUBMISSION_SWEEP_JOB, handler: SubmissionSweep, everyMinuteAs: SUBMISSION_SWEEP_SCHEDULER_ID },
    ],
  },
];
