import { type Admin, Kafka, logLevel } from 'kafkajs';
import type { DependencyCheck } from './dependency-check';

/** Lines naming each consumer of the service that has not joined its group; empty when all have. */
export type UnjoinedConsumers = () => string[];

/**
 * Kafka is ready for a service when the broker answers and every consumer of
 * the service has joined its group: a consumer still retrying its start means
 * events are not being handled. The broker's answer is cached a few seconds
 * so frequent readiness probes do not hammer it; a failed admin client is
 * dropped and rebuilt on the next probe.
 */
export class KafkaCheck implements DependencyCheck {
  readonly name = 'kafka';
  private admin?: Admin;
  private last?: { at: number; error?: Error };

  constructor(
    private readonly brokers: string[],
    private readonly clientId: string,
    private readonly unjoined: UnjoinedConsumers = () => [],
    private readonly cacheMs = 3000,
    private readonly now: () => number = Date.now,
  ) {}

  async check(): Promise<void> {
    if (!this.last || this.now() - this.last.at >= this.cacheMs) this.last = await this.probe();
    if (this.last.error) throw this.last.error;
    const unjoined = this.unjoined();
    if (unjoined.length > 0) throw new Error(unjoined.join('; '));
  }

  async close(): Promise<void> {
    await this.admin?.disconnect().catch(() => undefined);
    this.admin = undefined;
  }

  private async probe(): Promise<{ at: number; error?: Error }> {
    try {
      this.admin ??= this.createAdmin();
      await this.admin.connect();
      await this.admin.describeCluster();
      return { at: this.now() };
    } catch (error) {
      await this.close();
      return { at: this.now(), error: error instanceof Error ? error : new Error(String(error)) };
    }
  }

  private createAdmin(): Admin {
    const kafka = new Kafka({
      clientId: this.clientId,
      brokers: this.brokers,
      connectionTimeout: 1000,
      requestTimeout: 2000,
      retry: { retries: 0 },
      logLevel: logLevel.NOTHING,
    });
    return kafka.admin();
  }
}
