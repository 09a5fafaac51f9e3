import { DEV_DEFAULTS } from '../../libs/service-kit/src/config/dev-defaults';

/**
 * The secrets of docker-compose.yml. Each is a compose variable with a public
 * development default (`${NAME:-default}`): `docker compose up` works on a fresh
 * clone, and a `.env` file beside docker-compose.yml (or the shell) overrides
 * any of them. The data keys default to the services' own DEV_DEFAULTS, which
 * NODE_ENV=production refuses, so a compose file copied into production with
 * its defaults does not start; the passwords say `dev-only` in their value.
 */
export interface ComposeSecret {
  /** The compose variable (also the container variable where the names agree). */
  variable: string;
  devDefault: string;
}

const secret = (variable: string, devDefault: string): ComposeSecret => ({ variable, devDefault });

/** `${NAME:-default}`: compose reads `$` as interpolation, so a default may not hold one. */
export function interpolated({ variable, devDefault }: ComposeSecret): string {
  if (devDefault.includes('$')) throw new Error(`${variable}: a compose default may not contain "$"`);
  return `\${${variable}:-${devDefault}}`;
}

/** `device-certification` -> `DEVICE_CERTIFICATION`. */
export const upperSnake = (name: string): string => name.toUpperCase().replace(/[^A-Z0-9]/g, '_');

export const COMPOSE_SECRETS = {
  postgresPassword: secret('POSTGRES_PASSWORD', 'dev-only-postgres-password'),
  /** The login password of a service's runtime role `<schema>` (README "Database roles"). */
  databasePassword: (schema: string) => secret(`DB_PASSWORD_${upperSnake(schema)}`, `dev-only-db-${schema.replace(/_/g, '-')}-password`),
  kafkaAdminPassword: secret('KAFKA_ADMIN_PASSWORD', 'dev-only-kafka-admin-password'),
  kafkaControllerPassword: secret('KAFKA_CONTROLLER_PASSWORD', 'dev-only-kafka-controller-password'),
  /** The SCRAM password of a service's principal `User:<name>`. */
  kafkaPassword: (service: string) => secret(`KAFKA_PASSWORD_${upperSnake(service)}`, `dev-only-kafka-${service}-password`),
  jwtSecret: secret('JWT_SECRET', DEV_DEFAULTS.jwtSecret),
  pseudonymSecret: secret('PSEUDONYM_SECRET', DEV_DEFAULTS.pseudonymSecret),
  answerEncryptionKey: secret('ANSWER_ENCRYPTION_KEY', DEV_DEFAULTS.answerEncryptionKey),
  patientMasterKeys: secret('PATIENT_MASTER_KEYS', DEV_DEFAULTS.patientMasterKeys),
  textEncryptionKey: secret('TEXT_ENCRYPTION_KEY', DEV_DEFAULTS.textEncryptionKey),
} as const;
