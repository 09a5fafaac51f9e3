import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { PRESCRIPTION_EXPIRY_JOB, PRESCRIPTION_EXPIRY_QUEUE } from './prescription-expiry.queue';
import { PrescriptionExpirySweep } from './prescription-expiry.sweep';

@Processor(PRESCRIPTION_EXPIRY_QUEUE)
export class PrescriptionExpiryProcessor extends WorkerHost {
  constructor(private readonly sweep: PrescriptionExpirySweep) {
    super();
  }

  async process(job: Job): Promise<{ expired: string[] }> {
    if (job.name !== PRESCRIPTION_EXPIRY_JOB) throw new Error(`no handler for job ${job.name}`);
    return this.sweep.run();
  }
}
