/** The queue of the expiry sweep and its one scheduler (a fixed id: N replicas, one schedule). */
export const CERTIFICATION_EXPIRY_QUEUE = 'certification-expiry';
export const CERTIFICATION_EXPIRY_SCHEDULER_ID = 'expire-certifications-every-minute';
export const CERTIFICATION_EXPIRY_JOB = 'sweep';
/** The actor of what the platform does by itself: audited like anyone else. */
export const EXPIRY_ACTOR = 'system:certification-expiry';
