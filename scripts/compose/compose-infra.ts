import type { ServiceEntry } from '../../apps/gateway/src/registry';
import { ADMIN_PRINCIPAL, type BrokerCredentials } from '../infra/broker-credentials';
import { adminClientProperties, serverProperties } from '../infra/kafka-config';
import type { KafkaSettings } from '../infra/kafka-settings';
import { type ComposeService, DATABASE, escapeForCompose, KAFKA_BOOTSTRAP, KAFKA_HOST, KAFKA_PORT } from './compose-model';
import { COMPOSE_SECRETS, interpolated } from './dev-secrets';

const KAFKA_IMAGE = 'apache/kafka:3.9.1';
const KAFKA_BIN = '/opt/kafka/bin';
// The image's own data volume, owned by its user.
const KAFKA_DATA = '/var/lib/kafka/data';

export const usesKafka = (service: Pick<ServiceEntry, 'topics'>): boolean =>
  service.topics.publishes.length > 0 || service.topics.consumes.length > 0;

export const postgres = (): ComposeService => ({
  image: 'postgres:15',
  environment: {
    POSTGRES_PASSWORD: interpolated(COMPOSE_SECRETS.postgresPassword),
    POSTGRES_DB: DATABASE,
  },
  volumes: ['postgres-data:/var/lib/postgresql/data'],
  healthcheck: { test: ['CMD-SHELL', `pg_isready -U postgres -d ${DATABASE}`], interval: '2s', timeout: '3s', retries: 30, start_period: '10s' },
  restart: 'unless-stopped',
});

export const redis = (): ComposeService => ({
  comment: 'BullMQ jobs (billing, payments, AMO retries) must survive a restart: append-only file, fsync every second, never evict a key.',
  image: 'redis:7',
  command: ['redis-server', '--appendonly', 'yes', '--appendfsync', 'everysec', '--maxmemory-policy', 'noeviction'],
  volumes: ['redis-data:/data'],
  healthcheck: { test: ['CMD', 'redis-cli', 'ping'], interval: '2s', timeout: '3s', retries: 30, start_period: '5s' },
  restart: 'unless-stopped',
});

/** The broker's secrets as the shell of its container reads them from its environment. */
const shellCredentials: BrokerCredentials = {
  admin: '${KAFKA_ADMIN_PASSWORD}',
  controller: '${KAFKA_CONTROLLER_PASSWORD}',
  services: {},
  onBroker: [],
};

const adminPropertiesScript = (): string => `cat > /tmp/admin.properties <<EOF\n${adminClientProperties(shellCredentials)}EOF`;

/**
 * npm start's broker (scripts/infra/kafka-config.ts, the same server.properties):
 * SASL/SCRAM-SHA-512 for clients, SASL PLAIN on the controller listener, the
 * StandardAuthorizer refusing whatever no ACL allows, no topic created on first
 * use. KRaft keeps SCRAM credentials in its metadata: the admin's is written
 * when the storage is formatted (first start of the volume), the services' by
 * `kafka-users`.
 */
export function kafka(): ComposeService {
  const settings = { host: KAFKA_HOST, port: KAFKA_PORT, controllerPort: KAFKA_PORT + 1, dataDir: KAFKA_DATA } as KafkaSettings;
  const script = [
    'set -eu',
    // The files hold the passwords: readable by the broker's user only.
    'umask 077',
    `cat > /tmp/server.properties <<EOF\n${serverProperties(settings, shellCredentials)}EOF`,
    adminPropertiesScript(),
    `if [ ! -f ${KAFKA_DATA}/meta.properties ]; then`,
    `  ${KAFKA_BIN}/kafka-storage.sh format --config /tmp/server.properties --cluster-id "$(${KAFKA_BIN}/kafka-storage.sh random-uuid)" \\`,
    `    --add-scram "SCRAM-SHA-512=[name=${ADMIN_PRINCIPAL},password=\${KAFKA_ADMIN_PASSWORD}]"`,
    'fi',
    `KAFKA_HEAP_OPTS='-Xmx512m -Xms256m' exec ${KAFKA_BIN}/kafka-server-start.sh /tmp/server.properties`,
  ].join('\n');
  return {
    comment: "Kafka 3.9 KRaft, one node, authenticated as npm start's broker (README \"Kafka here\"); not published outside the compose network.",
    image: KAFKA_IMAGE,
    // The listeners bind the name the services connect to.
    hostname: KAFKA_HOST,
    command: ['sh', '-c', escapeForCompose(script)],
    environment: {
      KAFKA_ADMIN_PASSWORD: interpolated(COMPOSE_SECRETS.kafkaAdminPassword),
      KAFKA_CONTROLLER_PASSWORD: interpolated(COMPOSE_SECRETS.kafkaControllerPassword),
    },
    volumes: [`kafka-data:${KAFKA_DATA}`],
    healthcheck: {
      // As the admin: an anonymous client is refused.
      test: ['CMD-SHELL', `${KAFKA_BIN}/kafka-broker-api-versions.sh --bootstrap-server ${KAFKA_BOOTSTRAP} --command-config /tmp/admin.properties > /dev/null 2>&1`],
      interval: '10s',
      timeout: '20s',
      retries: 30,
      start_period: '20s',
    },
    restart: 'unless-stopped',
  };
}

/**
 * Sets the SCRAM credential of every service principal `User:<name>` with
 * Kafka's ConfigCommand as the admin (kafkajs cannot), on every `up`: a
 * service added to services.json, or a password changed in `.env`, after the
 * volume was formatted is taken in. One JVM a service, a few seconds each.
 */
export function kafkaUsers(services: readonly ServiceEntry[]): ComposeService {
  const principals = services.filter(usesKafka);
  const script = [
    'set -eu',
    'umask 077',
    adminPropertiesScript(),
    ...principals.flatMap((service) => {
      const { variable } = COMPOSE_SECRETS.kafkaPassword(service.name);
      return [
        `${KAFKA_BIN}/kafka-configs.sh --bootstrap-server ${KAFKA_BOOTSTRAP} --command-config /tmp/admin.properties \\`,
        `  --alter --entity-type users --entity-name ${service.name} --add-config "SCRAM-SHA-512=[iterations=4096,password=\${${variable}}]"`,
      ];
    }),
  ].join('\n');
  return {
    comment: 'One-shot: the SCRAM credential of each service principal (its password, the same variable as the service\'s KAFKA_PASSWORD).',
    image: KAFKA_IMAGE,
    command: ['sh', '-c', escapeForCompose(script)],
    environment: {
      KAFKA_ADMIN_PASSWORD: interpolated(COMPOSE_SECRETS.kafkaAdminPassword),
      ...Object.fromEntries(principals.map((service) => {
        const secret = COMPOSE_SECRETS.kafkaPassword(service.name);
        return [secret.variable, interpolated(secret)];
      })),
    },
    depends_on: { kafka: { condition: 'service_healthy' } },
    restart: 'no',
  };
}
