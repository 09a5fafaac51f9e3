import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import {
  CERTIFICATION_EXPIRY_EVERY_MS,
  CERTIFICATION_EXPIRY_JOB,
  CERTIFICATION_EXPIRY_QUEUE,
  CERTIFICATION_EXPIRY_SCHEDULER_ID,
} from './certification-expiry.queue';

/** Registers the every-minute sweep; upserting a fixed scheduler id makes every replica agree on one schedule. */
@Injectable()
export class CertificationExpiryScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue(CERTIFICATION_EXPIRY_QUEUE) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      CERTIFICATION_EXPIRY_SCHEDULER_ID,
      { every: CERTIFICATION_EXPIRY_EVERY_MS },
      { name: CERTIFICATION_EXPIRY_JOB, opts: { removeOnComplete: 100, removeOnFail: 1000 } },
    );
  }
}
