import type { ServiceJobs } from '@app/service-kit';
import { CERTIFICATION_EXPIRY_JOB, CERTIFICATION_EXPIRY_QUEUE, CERTIFICATION_EXPIRY_SCHEDULER_ID } from './certification-expiry.queue';
import { CertificationExpirySweep } from './certification-expiry.sweep';

/** Every job of the service: certifications expire by themselves, checked every minute on the platform clock. */
export const DEVICE_CERTIFICATION_JOBS: ServiceJobs = [
  {
    queue: CERTIFICATION_EXPIRY_QUEUE,
    jobs: [{ name: CERTIFICATION_EXPIRY_JOB, handler: CertificationExpirySweep, everyMinuteAs: CERTIFICATION_EXPIRY_SCHEDULER_ID }],
  },
];
