/** The queue of the sweeps on the platform clock and their fixed scheduler ids (N replicas, one schedule). */
export const ENROLMENT_SWEEPS_QUEUE = 'enrolment-sweeps';
export const END_SWEEP_JOB = 'end-with-prescription';
export const END_SWEEP_SCHEDULER_ID = 'end-enrolments-every-minute';
export const END_SWEEP_ACTOR = 'system:enrolment-end';
