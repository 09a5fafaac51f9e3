import Redis from 'ioredis';
import type { DependencyCheck } from './dependency-check';

/**
 * PING over one lazily opened connection. With the offline queue off, a PING
 * while Redis is away fails at once instead of waiting for a reconnection.
 */
export class RedisCheck implements DependencyCheck {
  readonly name = 'redis';
  private readonly client: Redis;

  constructor(url: string) {
    this.client = new Redis(url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: 1000,
      retryStrategy: () => 1000,
    });
    // Connection errors surface through check(); without a listener ioredis prints them.
    this.client.on('error', () => undefined);
  }

  async check(): Promise<void> {
    if (this.client.status === 'wait') await this.client.connect();
    const answer = await this.client.ping();
    if (answer !== 'PONG') throw new Error(`unexpected PING answer ${answer}`);
  }

  async close(): Promise<void> {
    this.client.disconnect();
  }
}
