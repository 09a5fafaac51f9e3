/** The queue of the payment job: every minute, and soon after an approval. */
export const PAYMENT_QUEUE = 'claims-payment';
export const PAYMENT_JOB = 'pay-approved-claims';
export const PAYMENT_SCHEDULER_ID = 'payment-every-minute';
export const PAYMENT_ACTOR = 'system:payment';

/**
 * The job queued after an approval, one per window of the payment delay
 * (approvals of the same window are paid by the same run; a later one waits
 * at most for the every-minute run). BullMQ takes a custom id with two `:`.
 */
export const paymentJobId = (windowStartMs: number): string => `payment:after-approval:${windowStartMs}`;
