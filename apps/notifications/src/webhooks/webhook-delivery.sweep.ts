import { CLOCK, type Clock, type JobHandler } from '@app/service-kit';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { WebhookDeliveriesRepository } from '../projections/webhook-deliveries.repository';
import { WebhookDeliveryJobs } from './webhook-delivery-jobs';

/** A delivery PENDING for longer than this may have lost its job. */
const STALLED_AFTER_MS = 60_000;
const PAGE = 500;

/**
 * Every minute, on the platform clock: each delivery PENDING for a minute
 * gets its job again if it has none (a crash between its commit and its
 * enqueue, Redis losing its data), or a last try if its job failed for good
 * without recording it. Job ids are the deliveries' ids, so a job waiting,
 * in its backoff or running is left alone.
 */
@Injectable()
export class WebhookDeliverySweep implements JobHandler<{ requeued: string[] }> {
  private readonly logger = new Logger(WebhookDeliverySweep.name);

  constructor(
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly jobs: WebhookDeliveryJobs,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(): Promise<{ requeued: string[] }> {
    const before = new Date(this.clock.now().getTime() - STALLED_AFTER_MS);
    const requeued: string[] = [];
    for (const deliveryId of await this.deliveries.pendingBefore(before, PAGE)) {
      if ((await this.jobs.ensure(deliveryId)) !== 'pending') requeued.push(deliveryId);
    }
    if (requeued.length > 0) this.logger.log(`queued ${requeued.length} pending webhook deliver(ies) again`);
    return { requeued };
  }
}
