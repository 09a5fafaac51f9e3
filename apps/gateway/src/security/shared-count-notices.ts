import { Logger } from '@nestjs/common';
import type { FailoverListener } from './failover-store';

/**
 * The operator hears that the rate limit lost Redis, at most once every
 * `everyMs` while it lasts (each request would otherwise log it), and hears
 * when it is back. Redis's own message only: no caller is named.
 */
export class SharedCountNotices implements FailoverListener {
  private lastWarnedAt = -Infinity;
  private unreported = 0;

  constructor(
    private readonly logger: Pick<Logger, 'warn' | 'log'> = new Logger('RateLimit'),
    private readonly everyMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {}

  sharedFailed(error: unknown): void {
    const at = this.now();
    if (at - this.lastWarnedAt < this.everyMs) {
      this.unreported += 1;
      return;
    }
    const more = this.unreported ? ` (${this.unreported} more failures since the last notice)` : '';
    this.logger.warn(`Redis does not answer the rate limit (${(error as Error)?.message ?? String(error)}): each replica counts on its own until it does${more}`);
    this.lastWarnedAt = at;
    this.unreported = 0;
  }

  sharedRecovered(): void {
    this.logger.log('Redis answers the rate limit again: counts are shared across replicas');
    this.lastWarnedAt = -Infinity;
    this.unreported = 0;
  }
}
