import { type KafkaConnection, kafkaSaslFromEnv } from '@app/messaging/kafka/kafka-sasl';
import { adminSasl, readBrokerCredentials } from './broker-credentials';
import { kafkaSettings, type KafkaSettings } from './kafka-settings';

/**
 * How the scripts reach the local broker: as its admin principal (a super
 * user), whose credential the broker instance keeps. Throws when the broker
 * was never started with authentication.
 */
export function adminConnection(s: KafkaSettings): KafkaConnection {
  const credentials = readBrokerCredentials(s);
  if (!credentials) throw new Error(`no admin credential for the broker on ${s.host}:${s.port}: start it with npm run kafka:start`);
  return { brokers: s.brokers, sasl: adminSasl(credentials) };
}

/**
 * For tools run by hand (benches): the principal of KAFKA_SASL_MECHANISM /
 * KAFKA_USERNAME / KAFKA_PASSWORD when set, else the local broker's admin.
 */
export function localKafkaConnection(env: NodeJS.ProcessEnv = process.env): KafkaConnection {
  const s = kafkaSettings(env);
  const fromEnv = kafkaSaslFromEnv(env);
  return fromEnv ? { brokers: s.brokers, sasl: fromEnv } : adminConnection(s);
}
