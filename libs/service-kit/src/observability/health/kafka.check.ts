import { type KafkaConnection, probeBrokers } from '@app/messaging';
import type { DependencyCheck } from './dependency-check';

/** Lines naming each consumer of the service that has not joined its group; empty when all have. */
export type UnjoinedConsumers = () => string[];

/**
 * Kafka is ready for a service when the broker answers and every consumer of
 * the service has joined its group: a consumer still retrying its start means
 * events are not being handled. The broker's answer (the same quick question
 * consumers ask before they start) is cached a few seconds so frequent
 * readiness probes do not hammer it.
 */
export class KafkaCheck implements DependencyCheck {
  readonly name = 'kafka';
  private last?: { at: number; error?: Error };

  constructor(
    private readonly connection: KafkaConnection,
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

  private async probe(): Promise<{ at: number; error?: Error }> {
    try {
      await probeBrokers(this.connection, 2_000);
      return { at: this.now() };
    } catch (error) {
      return { at: this.now(), error: error instanceof Error ? error : new Error(String(error)) };
    }
  }
}
