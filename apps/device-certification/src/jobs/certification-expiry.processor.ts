import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { CERTIFICATION_EXPIRY_JOB, CERTIFICATION_EXPIRY_QUEUE } from './certification-expiry.queue';
import { CertificationExpirySweep } from './certification-expiry.sweep';

@Processor(CERTIFICATION_EXPIRY_QUEUE)
export class CertificationExpiryProcessor extends WorkerHost {
  constructor(private readonly sweep: CertificationExpirySweep) {
    super();
  }

  async process(job: Job): Promise<{ expired: string[] }> {
    if (job.name !== CERTIFICATION_EXPIRY_JOB) throw new Error(`no handler for job ${job.name}`);
    return this.sweep.run();
  }
}
