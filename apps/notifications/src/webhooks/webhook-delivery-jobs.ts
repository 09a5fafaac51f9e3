import { PLATFORM_CONFIG, ensureJob, type EnsuredJob } from '@app/service-kit';
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { deliveryAttempts, type RetrySchedule } from '../domain/delivery-schedule';
import type { NotificationsConfig } from '../notifications.config';
import { WEBHOOK_DELIVERY_JOB, WEBHOOK_DELIVERY_QUEUE, type WebhookDeliveryJobData } from './webhook-delivery.queue';
import { retryScheduleOf } from './webhook-settings';

/** Queues a delivery's job once its row is committed: as many attempts as the schedule's window allows, waits from the custom backoff. */
@Injectable()
export class WebhookDeliveryJobs {
  private readonly schedule: RetrySchedule;

  constructor(
    @InjectQueue(WEBHOOK_DELIVERY_QUEUE) private readonly queue: Queue<WebhookDeliveryJobData>,
    @Inject(PLATFORM_CONFIG) config: NotificationsConfig,
  ) {
    this.schedule = retryScheduleOf(config);
  }

  async enqueue(deliveryId: string): Promise<void> {
    await this.queue.add(
      WEBHOOK_DELIVERY_JOB,
      { deliveryId, schedule: this.schedule },
      {
        jobId: deliveryId,
        attempts: deliveryAttempts(this.schedule),
        backoff: { type: 'custom' },
        removeOnComplete: { age: 7 * 86_400 },
        removeOnFail: { age: 30 * 86_400 },
      },
    );
  }

  /** For the sweep, on a delivery still PENDING (ensureJob: lost -> queued again, failed for good -> retried, running or waiting -> left alone). */
  ensure(deliveryId: string): Promise<EnsuredJob> {
    return ensureJob(this.queue, deliveryId, () => this.enqueue(deliveryId));
  }
}
