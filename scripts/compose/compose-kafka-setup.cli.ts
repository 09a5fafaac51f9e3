/**
 * The one-shot `kafka-setup` of docker-compose.yml: as the broker's admin,
 * every topic of services.json (and its dead letters) created and led, the
 * group coordinator up, and each service principal's ACLs made exactly what
 * services.json implies; the same code as npm start (platform-topics.ts), so
 * no service starts before its topics and grants exist.
 */
import { kafkaSaslFromEnv } from '@app/messaging/kafka/kafka-sasl';
import { loadServiceRegistry } from '../../apps/gateway/src/registry';
import { parseBrokers } from '../infra/kafka-settings';
import { createPlatformTopics } from '../platform/platform-topics';

const log = (line: string): void => console.log(`[kafka-setup] ${line}`);

async function main(): Promise<void> {
  const sasl = kafkaSaslFromEnv(process.env);
  if (!sasl) throw new Error('KAFKA_SASL_MECHANISM, KAFKA_USERNAME and KAFKA_PASSWORD (the admin) are required');
  await createPlatformTopics(loadServiceRegistry(), { brokers: parseBrokers(process.env.KAFKA_BROKERS ?? ''), sasl }, log);
}

main().catch((error: unknown) => {
  log((error as Error).message);
  process.exit(1);
});
