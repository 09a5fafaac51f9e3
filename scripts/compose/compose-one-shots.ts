import type { ServiceEntry } from '../../apps/gateway/src/registry';
import { serviceRoles } from '../../libs/service-kit/src/database/service-roles';
import { ADMIN_PRINCIPAL } from '../infra/broker-credentials';
import { KAFKA_SASL_MECHANISM } from '../../libs/messaging/src/kafka/kafka-sasl';
import { KEYS_OUT_ROOT, KEYS_STORE, keyFilesOf, keysVolumeOf } from './compose-keys';
import { APP_BUILD, APP_IMAGE, type ComposeService, DATABASE, escapeForCompose, KAFKA_BOOTSTRAP, POSTGRES_HOST } from './compose-model';
import { COMPOSE_SECRETS, interpolated } from './dev-secrets';

const shellVariable = (name: string): string => `$${name}`;

const node = (script: string, ...args: string[]): string[] => ['node', '-r', '@swc-node/register', script, ...args];

/** The superuser's URL: migrate creates the roles (README "Database roles"); no service gets it. */
export const adminDatabaseUrl = (): string =>
  `postgres://postgres:${interpolated(COMPOSE_SECRETS.postgresPassword)}@${POSTGRES_HOST}:5432/${DATABASE}`;

export const withSchema = (services: readonly ServiceEntry[]): ServiceEntry[] => services.filter((s) => s.schema !== undefined);

/** `npm run migrate`, once: every schema of services.json, its two roles, the patient keys and their grants. */
export const migrate = (): ComposeService => ({
  comment: 'One-shot: `npm run migrate` once, as the Postgres superuser (it creates each service\'s roles), before any service starts.',
  image: APP_IMAGE,
  build: APP_BUILD,
  command: node('scripts/platform/migrate.ts', '--skip-infra'),
  environment: { NODE_ENV: 'development', DATABASE_URL: adminDatabaseUrl() },
  depends_on: { postgres: { condition: 'service_healthy' } },
  restart: 'no',
});

/**
 * Locally Postgres trusts 127.0.0.1 and the runtime roles need no password;
 * here they connect over the network, so each gets its login password (psql
 * variables: no quoting in the shell). Migrate never touches passwords.
 */
export function databasePasswords(services: readonly ServiceEntry[]): ComposeService {
  const roles = withSchema(services).map((service) => ({ role: serviceRoles(service.schema!).runtime, secret: COMPOSE_SECRETS.databasePassword(service.schema!) }));
  const variables = roles.map(({ role, secret }) => `-v "pw_${role}=${shellVariable(secret.variable)}"`);
  const script = [
    'set -eu',
    `psql -v ON_ERROR_STOP=1 ${variables.join(' ')} <<'SQL'`,
    ...roles.map(({ role }) => `ALTER ROLE ${role} PASSWORD :'pw_${role}';`),
    'SQL',
  ].join('\n');
  return {
    comment: "One-shot: the login password of each service's runtime role `<schema>`, after migrate made the roles.",
    image: 'postgres:15',
    command: ['sh', '-c', escapeForCompose(script)],
    environment: {
      PGHOST: POSTGRES_HOST,
      PGUSER: 'postgres',
      PGDATABASE: DATABASE,
      PGPASSWORD: interpolated(COMPOSE_SECRETS.postgresPassword),
      ...Object.fromEntries(roles.map(({ secret }) => [secret.variable, interpolated(secret)])),
    },
    depends_on: { migrate: { condition: 'service_completed_successfully' } },
    restart: 'no',
  };
}

/** Every topic created and led, and each principal's ACLs, before any service starts. */
export const kafkaSetup = (): ComposeService => ({
  comment: "One-shot: npm start's topics (dead letters included) and each service principal's ACLs, as the admin.",
  image: APP_IMAGE,
  build: APP_BUILD,
  command: node('scripts/compose/compose-kafka-setup.cli.ts'),
  environment: {
    NODE_ENV: 'development',
    KAFKA_BROKERS: KAFKA_BOOTSTRAP,
    KAFKA_SASL_MECHANISM,
    KAFKA_USERNAME: ADMIN_PRINCIPAL,
    KAFKA_PASSWORD: interpolated(COMPOSE_SECRETS.kafkaAdminPassword),
  },
  depends_on: { 'kafka-users': { condition: 'service_completed_successfully' } },
  restart: 'no',
});

/** npm start's development audit seals, each service's own file in its own volume (compose-keys.ts). */
export function signingKeys(services: readonly ServiceEntry[]): ComposeService {
  const holders = services.filter((service) => Object.keys(keyFilesOf(service)).length > 0);
  return {
    comment: "One-shot: npm start's development audit signing keys (made once, kept in signing-keys-store), each copied into its service's own volume.",
    image: APP_IMAGE,
    build: APP_BUILD,
    // Fresh named volumes belong to root; the copies are handed to the image's `node` user.
    user: 'root',
    command: node('scripts/compose/compose-signing-keys.cli.ts'),
    environment: { NODE_ENV: 'development', CLOCK_OFFSET: '${CLOCK_OFFSET:-}' },
    volumes: [`signing-keys-store:${KEYS_STORE}`, ...holders.map((service) => `${keysVolumeOf(service.name)}:${KEYS_OUT_ROOT}/${service.name}`)],
    restart: 'no',
  };
}
