import { scheduleEveryMinute } from '@app/service-kit';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { PRESCRIPTION_EXPIRY_JOB, PRESCRIPTION_EXPIRY_QUEUE, PRESCRIPTION_EXPIRY_SCHEDULER_ID } from './prescription-expiry.queue';

@Injectable()
export class PrescriptionExpiryScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue(PRESCRIPTION_EXPIRY_QUEUE) private readonly queue: Queue) {}

  onApplicationBootstrap(): Promise<void> {
    return scheduleEveryMinute(this.queue, PRESCRIPTION_EXPIRY_SCHEDULER_ID, PRESCRIPTION_EXPIRY_JOB);
  }
}
