/** The queue of the expiry sweep and its one scheduler (a fixed id: N replicas, one schedule). */
export const PRESCRIPTION_EXPIRY_QUEUE = 'prescription-expiry';
export const PRESCRIPTION_EXPIRY_SCHEDULER_ID = 'expire-prescriptions-every-minute';
export const PRESCRIPTION_EXPIRY_JOB = 'sweep';
/** The actor of what the platform does by itself: audited like anyone else. */
export const EXPIRY_ACTOR = 'system:prescription-expiry';
