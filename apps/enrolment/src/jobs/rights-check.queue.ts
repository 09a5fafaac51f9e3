/** The queue of the AMO rights checks: one job per request of an enrolment (a deterministic id: enqueued twice, run once). */
export const RIGHTS_CHECK_QUEUE = 'enrolment-rights';
export const RIGHTS_CHECK_JOB = 'check-rights';
export const RIGHTS_ACTOR = 'system:amo-rights';

export const rightsCheckJobId = (enrolmentId: string, request: number): string => `rights:${enrolmentId}:${request}`;

/** What a job carries: ids only. The identity the AMO needs is opened from the enrolment when the job runs, never put in Redis. */
export interface RightsCheckJobData {
  enrolmentId: string;
  request: number;
}

/** Retries of an AMO that does not answer: exponential backoff from `delayMs`, UNAVAILABLE after the last attempt. */
export interface RightsRetryPolicy {
  attempts: number;
  delayMs: number;
}

export const DEFAULT_RIGHTS_RETRY: RightsRetryPolicy = { attempts: 5, delayMs: 2_000 };
export const RIGHTS_RETRY = Symbol('RIGHTS_RETRY');
