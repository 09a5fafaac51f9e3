import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import {
  PRESCRIPTION_EXPIRY_EVERY_MS,
  PRESCRIPTION_EXPIRY_JOB,
  PRESCRIPTION_EXPIRY_QUEUE,
  PRESCRIPTION_EXPIRY_SCHEDULER_ID,
} from './prescription-expiry.queue';

/** Registers the every-minute sweep; upserting a fixed scheduler id makes every replica agree on one schedule. */
@Injectable()
export class PrescriptionExpiryScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue(PRESCRIPTION_EXPIRY_QUEUE) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      PRESCRIPTION_EXPIRY_SCHEDULER_ID,
      { every: PRESCRIPTION_EXPIRY_EVERY_MS },
      { name: PRESCRIPTION_EXPIRY_JOB, opts: { removeOnComplete: 100, removeOnFail: 1000 } },
    );
  }
}
