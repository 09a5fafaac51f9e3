import { KAFKA_SASL_MECHANISM } from '@app/messaging/kafka/kafka-sasl';
import { readBrokerCredentials } from '../../infra/broker-credentials';
import { kafkaSettings } from '../../infra/kafka-settings';
import type { ServiceEnvContributor } from '../service-env';

/**
 * Each service process connects to Kafka as its own principal `User:<name>`,
 * with the SCRAM password the local broker instance generated for it (and
 * only that one: no service sees another's or the admin's). The broker has
 * been ensured before, which gives every service of services.json its credential.
 */
export const kafkaCredentials: ServiceEnvContributor = (service) => {
  // A service that uses no Kafka (the gateway) is given no principal.
  const none: Record<string, string> = {};
  if (service.topics.publishes.length === 0 && service.topics.consumes.length === 0) return none;
  const s = kafkaSettings();
  const password = readBrokerCredentials(s)?.services[service.name];
  if (password === undefined) {
    throw new Error(`the broker on ${s.host}:${s.port} has no credential for ${service.name}: restart it with npm run kafka:start`);
  }
  return { KAFKA_SASL_MECHANISM, KAFKA_USERNAME: service.name, KAFKA_PASSWORD: password };
};
