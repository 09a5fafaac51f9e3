import type { ServiceJobs } from '@app/service-kit';
import { PRESCRIPTION_EXPIRY_JOB, PRESCRIPTION_EXPIRY_QUEUE, PRESCRIPTION_EXPIRY_SCHEDULER_ID } from './prescription-expiry.queue';
import { PrescriptionExpirySweep } from './prescription-expiry.sweep';

/** Every job of the service: prescriptions expire by themselves, checked every minute on the platform clock. */
export const PRESCRIPTION_JOBS: ServiceJobs = [
  {
    queue: PRESCRIPTION_EXPIRY_QUEUE,
    jobs: [{ name: PRESCRIPTION_EXPIRY_JOB, handler: PrescriptionExpirySweep, everyMinuteAs: PRESCRIPTION_EXPIRY_SCHEDULER_ID }],
  },
];
