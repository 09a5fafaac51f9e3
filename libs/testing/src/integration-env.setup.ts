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
};

for (const [name, value] of Object.entries(DEFAULTS)) {
  if (process.env[name] === undefined || process.env[name] === '') process.env[name] = value;
}
