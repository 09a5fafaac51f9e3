import { serviceUrlVariable, type ServiceEntry } from '../../apps/gateway/src/registry';
import { serviceRoles } from '../../libs/service-kit/src/database/service-roles';
import { KAFKA_SASL_MECHANISM } from '../../libs/messaging/src/kafka/kafka-sasl';
import { expectedSecretKeys } from '../platform/k8s-secrets';
import { KEYS_DIR, keyFilesOf, keysVolumeOf } from './compose-keys';
import { APP_BUILD, APP_IMAGE, type ComposeService, DATABASE, KAFKA_BOOTSTRAP, POSTGRES_HOST, REDIS_URL } from './compose-model';
import { usesKafka } from './compose-infra';
import { COMPOSE_SECRETS, interpolated } from './dev-secrets';

/** The one service published outside the compose network. */
export const GATEWAY = 'gateway';

/**
 * Where the ledger's development tree-head key lives when LEDGER_SIGNING_KEY is
 * unset (apps/audit-ledger ledger-signing-key.ts DEV_KEY_PATH, under the home of
 * the image's `node` user): a volume, so past tree heads keep verifying after
 * the container is recreated. The Dockerfile creates the directory as `node`.
 */
export const LEDGER_DEV_KEY_DIR = '/home/node/.cache/connected-health';

/**
 * Each secret a service holds (k8s-secrets.ts, the same list as its k8s
 * Secret) as a compose value. A secret unknown here stops the generator: a
 * service must not start without a key its code asks for.
 */
function secretEnv(service: ServiceEntry): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of expectedSecretKeys(service)) {
    switch (key) {
      case 'DATABASE_URL': {
        // Its runtime role, with its own password (database-passwords): rows of its own schema only.
        const role = serviceRoles(service.schema!).runtime;
        env.DATABASE_URL = `postgres://${role}:${interpolated(COMPOSE_SECRETS.databasePassword(service.schema!))}@${POSTGRES_HOST}:5432/${DATABASE}`;
        break;
      }
      case 'AUDIT_SIGNING_KEY':
        // A mounted file of its own volume (keyFileEnv), never an inline value in this file.
        if (!keyFilesOf(service).AUDIT_SIGNING_KEY_FILE) throw new Error(`${service.name} seals audit entries but compose-keys.ts gives it no key file`);
        break;
      case 'ANSWER_ENCRYPTION_KEY':
        env.ANSWER_ENCRYPTION_KEY = interpolated(COMPOSE_SECRETS.answerEncryptionKey);
        break;
      case 'PATIENT_MASTER_KEYS':
        env.PATIENT_MASTER_KEYS = interpolated(COMPOSE_SECRETS.patientMasterKeys);
        break;
      case 'TEXT_ENCRYPTION_KEY':
        env.TEXT_ENCRYPTION_KEY = interpolated(COMPOSE_SECRETS.textEncryptionKey);
        break;
      case 'PSEUDONYM_SECRET':
        env.PSEUDONYM_SECRET = interpolated(COMPOSE_SECRETS.pseudonymSecret);
        break;
      case 'LEDGER_SIGNING_KEY':
        // Unset (empty) = the development key kept in the ledger-dev-key volume.
        env.LEDGER_SIGNING_KEY = '${LEDGER_SIGNING_KEY:-}';
        break;
      default:
        throw new Error(`${service.name} holds ${key} (scripts/platform/k8s-secrets.ts): say in scripts/compose/compose-apps.ts how compose gives it`);
    }
  }
  return env;
}

function kafkaEnv(service: ServiceEntry): Record<string, string> {
  // A service that uses no Kafka (the gateway) is given no principal, and no broker.
  if (!usesKafka(service)) return {};
  return {
    KAFKA_BROKERS: KAFKA_BOOTSTRAP,
    KAFKA_SASL_MECHANISM,
    KAFKA_USERNAME: service.name,
    KAFKA_PASSWORD: interpolated(COMPOSE_SECRETS.kafkaPassword(service.name)),
  };
}

const readyCheck = (port: number): string[] => [
  'CMD',
  'node',
  '-e',
  // Node 20 has fetch: no curl in the slim image.
  `fetch('http://127.0.0.1:${port}/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))`,
];

/** One service of services.json: the image, APP its name, its own port, only its own secrets. */
export function appService(service: ServiceEntry, services: readonly ServiceEntry[]): ComposeService {
  const isGateway = service.name === GATEWAY;
  const keyFiles = keyFilesOf(service);
  const needs: NonNullable<ComposeService['depends_on']> = { redis: { condition: 'service_healthy' } };
  if (service.schema) {
    needs.migrate = { condition: 'service_completed_successfully' };
    needs['database-passwords'] = { condition: 'service_completed_successfully' };
  }
  if (usesKafka(service)) needs['kafka-setup'] = { condition: 'service_completed_successfully' };
  if (Object.keys(keyFiles).length > 0) needs['signing-keys'] = { condition: 'service_completed_successfully' };
  const others = services.filter((other) => other.name !== service.name);
  if (isGateway) for (const other of others) needs[other.name] = { condition: 'service_started' };
  const volumes = [
    ...(Object.keys(keyFiles).length > 0 ? [`${keysVolumeOf(service.name)}:${KEYS_DIR}:ro`] : []),
    ...(expectedSecretKeys(service).includes('LEDGER_SIGNING_KEY') ? [`ledger-dev-key:${LEDGER_DEV_KEY_DIR}`] : []),
  ];
  return {
    image: APP_IMAGE,
    build: APP_BUILD,
    command: ['node', '-r', '@swc-node/register', 'scripts/platform/run-app.ts'],
    environment: {
      APP: service.name,
      // Development: production refuses the public defaults below (README "Configuration").
      NODE_ENV: 'development',
      PORT: String(service.port),
      LOG_LEVEL: 'info',
      REDIS_URL,
      JWT_SECRET: interpolated(COMPOSE_SECRETS.jwtSecret),
      CLOCK_OFFSET: '${CLOCK_OFFSET:-}',
      // Empty = the gateway's defaults (600 a minute; no CORS origin).
      ...(isGateway ? { RATE_LIMIT_PER_MINUTE: '${RATE_LIMIT_PER_MINUTE:-}', CORS_ORIGINS: '${CORS_ORIGINS:-}' } : {}),
      ...kafkaEnv(service),
      ...secretEnv(service),
      ...Object.fromEntries(Object.entries(keyFiles).map(([variable, file]) => [variable, `${KEYS_DIR}/${file}`])),
      // Inside a container 127.0.0.1 is the gateway itself: it finds each service by its compose name.
      ...(isGateway ? Object.fromEntries(others.map((other) => [serviceUrlVariable(other.name), `http://${other.name}:${other.port}`])) : {}),
    },
    ...(isGateway ? { ports: [`${service.port}:${service.port}`] } : {}),
    ...(volumes.length > 0 ? { volumes } : {}),
    depends_on: needs,
    healthcheck: { test: readyCheck(service.port), interval: '5s', timeout: '3s', retries: 30, start_period: '60s' },
    restart: 'unless-stopped',
  };
}
