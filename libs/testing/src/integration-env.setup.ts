import { ADMIN_PRINCIPAL, readBrokerCredentials } from '../../../scripts/infra/broker-credentials';
import { kafkaSettings } from '../../../scripts/infra/kafka-settings';

// Jest setupFile of the integration project: local defaults for the settings
// services read, applied only when the environment does not set them (so CI or
// a developer can point the tests elsewhere). Values match service-kit's
// development defaults; none of them is a real secret.
const DEFAULTS: Record<string, string> = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/connected_health',
  KAFKA_BROKERS: '127.0.0.1:9092',
  REDIS_URL: 'redis://127.0.0.1:6379',
  JWT_SECRET: 'dev-only-jwt-secret-change-me',
  PSEUDONYM_SECRET: 'dev-only-pseudonym-secret-change-me',
  IDENTITY_ENCRYPTION_KEY: '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f',
  ANSWER_ENCRYPTION_KEY: '1f1e1d1c1b1a191817161514131211100f0e0d0c0b0a09080706050403020100',
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
