import { type Admin, Kafka, logLevel } from 'kafkajs';
import type { DependencyCheck } from './dependency-check';

/**
 * Asks the broker to describe the cluster. The answer is cached a few seconds
 * so frequent readiness probes do not hammer the broker; a failed admin client
 * is dropped and rebuilt on the next probe.
 */
export class KafkaCheck implements DependencyCheck {
  readonly name = 'kafka';
  private admin?: Admin;
  private last?: { at: number; error?: Error };

  constructor(
    private readonly brokers: string[],
    private readonly clientId: string,
    private readonly cacheMs = 3000,
    private readonly now: () => number = Date.now,
  ) {}

  async check(): Promise<void> {
    if (!this.last || this.now() - this.last.at >= this.cacheMs) this.last = await this.probe();
    if (this.last.error) throw this.last.error;
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
