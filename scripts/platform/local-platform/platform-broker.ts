import { rmSync } from 'node:fs';
import { ensureKafka, stopKafka } from '../../infra/kafka';
import { kafkaSettings, type KafkaSettings } from '../../infra/kafka-settings';

/**
 * A platform's own single-node broker: the machine's Kafka jars, an instance
 * directory of its port (config, data, credentials), started and stopped by
 * scripts/infra/kafka.ts exactly as `npm run kafka:start` does for 9092.
 */
export class PlatformBroker {
  readonly settings: KafkaSettings;

  constructor(port: number) {
    this.settings = kafkaSettings({ ...process.env, KAFKA_BROKERS: `127.0.0.1:${port}` });
  }

  get brokers(): string {
    return this.settings.brokers.join(',');
  }

  async start(): Promise<void> {
    await ensureKafka(this.settings);
  }

  /** Stops the broker; its data stays for start(). */
  async stop(): Promise<void> {
    await stopKafka(this.settings);
  }

  /** Stops it and removes its instance directory (never the shared jars). */
  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.settings.instanceDir, { recursive: true, force: true });
    rmSync(this.settings.lockDir, { recursive: true, force: true });
  }
}
