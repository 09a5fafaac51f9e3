import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { PAYMENT_SETTINGS, type PaymentSettings } from '../claims.settings';
import { PAYMENT_JOB, PAYMENT_QUEUE, paymentJobId } from './payment.queue';

const MIN_WINDOW_MS = 1_000;

/** Queues the payment job a little after an approval committed, rather than waiting for the every-minute run. */
@Injectable()
export class Payments {
  constructor(
    @InjectQueue(PAYMENT_QUEUE) private readonly queue: Queue,
    @Inject(PAYMENT_SETTINGS) private readonly settings: PaymentSettings,
  ) {}

  async enqueueSoon(now: Date): Promise<void> {
    const window = Math.max(this.settings.delayMs, MIN_WINDOW_MS);
    const windowStart = Math.floor(now.getTime() / window) * window;
    // One job per window, run at the window's end: every approval of the window has committed by then, the last one included.
    const delay = windowStart + window - now.getTime();
    await this.queue.add(PAYMENT_JOB, {}, { jobId: paymentJobId(windowStart), delay, removeOnComplete: { age: 86_400 }, removeOnFail: { age: 7 * 86_400 } });
  }
}
