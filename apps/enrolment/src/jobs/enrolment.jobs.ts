import type { ServiceJobs } from '@app/service-kit';
import { END_SWEEP_JOB, END_SWEEP_SCHEDULER_ID, ENROLMENT_SWEEPS_QUEUE } from './enrolment-end.queue';
import { EnrolmentEndSweep } from './enrolment-end.sweep';
import { OBSERVANCE_SWEEP_JOB, OBSERVANCE_SWEEP_SCHEDULER_ID, ObservanceSweep } from './observance.sweep';
import { RIGHTS_CHECK_JOB, RIGHTS_CHECK_QUEUE } from './rights-check.queue';
import { RightsCheckJob } from './rights-check.job';
import { RIGHTS_SWEEP_JOB, RIGHTS_SWEEP_SCHEDULER_ID, RightsSweep } from './rights.sweep';
import { SILENCE_SWEEP_JOB, SILENCE_SWEEP_SCHEDULER_ID, SilenceSweep } from './silence.sweep';

/**
 * Every job of the service: the AMO rights checks (talking to the outside,
 * retried with backoff), and the sweeps that decide from the platform clock
 * every minute what is due (an enrolment whose prescription ended, a silence
 * longer than the interval, a first or second month of low observance, a
 * rights check still PENDING whose job was lost or failed for good).
 */
export const ENROLMENT_JOBS: ServiceJobs = [
  { queue: RIGHTS_CHECK_QUEUE, jobs: [{ name: RIGHTS_CHECK_JOB, handler: RightsCheckJob }] },
  {
    queue: ENROLMENT_SWEEPS_QUEUE,
    jobs: [
      { name: END_SWEEP_JOB, handler: EnrolmentEndSweep, everyMinuteAs: END_SWEEP_SCHEDULER_ID },
      { name: SILENCE_SWEEP_JOB, handler: SilenceSweep, everyMinuteAs: SILENCE_SWEEP_SCHEDULER_ID },
      { name: OBSERVANCE_SWEEP_JOB, handler: ObservanceSweep, everyMinuteAs: OBSERVANCE_SWEEP_SCHEDULER_ID },
      { name: RIGHTS_SWEEP_JOB, handler: RightsSweep, everyMinuteAs: RIGHTS_SWEEP_SCHEDULER_ID },
    ],
  },
];
