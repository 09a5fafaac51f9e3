import { ADMIN_PRINCIPAL, readBrokerCredentials } from '../../../scripts/infra/broker-credentials';
import { kafkaSettings } from '../../../scripts/infra/kafka-settings';
import { DEV_DEFAULTS } from '@app/service-kit/config/dev-defaults';

// Jest setupFile of the integration project: local defaults for the settings
// services read, applied only when the environment does not set them (so CI or
// a developer can point the tests elsewhere): service-kit's development
// defaults, none of them a real secret.
const DEFAULTS: Record<string, string> = {
  DATABASE_URL: DEV_DEFAULTS.databaseUrl,
  KAFKA_BROKERS: DEV_DEFAULTS.kafkaBrokers,
  REDIS_URL: DEV_DEFAULTS.redisUrl,
  JWT_SECRET: DEV_DEFAULTS.jwtSecret,
  PSEUDONYM_SECRET: DEV_DEFAULTS.pseudonymSecret,
  ANSWER_ENCRYPTION_KEY: DEV_DEFAULTS.answerEncryptionKey,
  PATIENT_MASTER_KEYS: DEV_DEFAULTS.patientMasterKeys,
  TEXT_ENCRYPTION_KEY: DEV_DEFAULTS.textEncryptionKey,
};

for (const [name, value] of Object.entries(DEFAULTS)) {
  if (process.env[name] === undefined || process.env[name] === '') process.env[name] = value;
}

// The local broker authenticates every client: unless the environment names a
// principal, tests (and the service apps they build) connect as the admin of
// the broker instance of KAFKA_BROKERS, whose credential it keeps.
if (!process.env.KAFKA_SASL_MECHANISM) {
  const credentials = readBrokerCredentials(kafkaSettings());
  if (credentials) {
    process.env.KAFKA_SASL_MECHANISM = 'scram-sha-512';
    process.env.KAFKA_USERNAME = ADMIN_PRINCIPAL;
    process.env.KAFKA_PASSWORD = credentials.admin;
  }
}
