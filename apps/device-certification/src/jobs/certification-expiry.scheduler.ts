import { scheduleEveryMinute } from '@app/service-kit';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { CERTIFICATION_EXPIRY_JOB, CERTIFICATION_EXPIRY_QUEUE, CERTIFICATION_EXPIRY_SCHEDULER_ID } from './certification-expiry.queue';

@Injectable()
export class CertificationExpiryScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue(CERTIFICATION_EXPIRY_QUEUE) private readonly queue: Queue) {}

  onApplicationBootstrap(): Promise<void> {
    return scheduleEveryMinute(this.queue, CERTIFICATION_EXPIRY_SCHEDULER_ID, CERTIFICATION_EXPIRY_JOB);
  }
}
