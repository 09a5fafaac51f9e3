/** The queue of the submissions to the AMO: one job per claim and submission number (deterministic id: enqueued twice, run once). */
export const SUBMISSION_QUEUE = 'claims-submission';
export const SUBMISSION_JOB = 'submit-claim';
export const SUBMISSION_ACTOR = 'system:amo-claims';

export const submissionJobId = (claimId: string, submission: number): string => `submit:${claimId}:${submission}`;

/** What a job carries: ids only. The identity the AMO needs is opened from the claim when the job runs, never put in Redis. */
export interface SubmissionJobData {
  claimId: string;
  submission: number;
}

/** Retries of an AMO that does not answer: exponential backoff from `delayMs`, SUBMISSION_FAILED after the last attempt. */
export interface SubmissionRetryPolicy {
  attempts: number;
  delayMs: number;
}

export const DEFAULT_SUBMISSION_RETRY: SubmissionRetryPolicy = { attempts: 5, delayMs: 2_000 };
export const SUBMISSION_RETRY = Symbol('SUBMISSION_RETRY');
