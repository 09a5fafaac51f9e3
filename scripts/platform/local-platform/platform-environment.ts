import { KAFKA_SASL_MECHANISM } from '@app/messaging/kafka/kafka-sasl';
import { databaseUrlAs, serviceRoles } from '@app/service-kit';
import { readBrokerCredentials } from '../../infra/broker-credentials';
import type { KafkaSettings } from '../../infra/kafka-settings';
import { signingKeysContributor } from '../secrets/signing-keys';
import type { ServiceEnvContributor } from '../service-env';

/**
 * The contributors of scripts/platform/service-env.ts, bound to one
 * platform's database, broker and config directory instead of the
 * machine's: each service still gets only its own role, principal and key.
 */
export function platformContributors(options: {
  /** The URL services connect through (maybe a proxy's port); each gets its own runtime role on it. */
  servicesDatabaseUrl: string;
  broker: KafkaSettings;
  /** XDG_CONFIG_HOME of the dev signing keys, and the CLOCK_OFFSET that dates a new key's validFrom. */
  signingEnv: NodeJS.ProcessEnv;
}): ServiceEnvContributor[] {
  const database: ServiceEnvContributor = (service) => ({
    DATABASE_URL: service.schema ? databaseUrlAs(options.servicesDatabaseUrl, serviceRoles(service.schema).runtime) : '',
  });
  const kafka: ServiceEnvContributor = (service): Record<string, string> => {
    if (service.topics.publishes.length === 0 && service.topics.consumes.length === 0) return {};
    const password = readBrokerCredentials(options.broker)?.services[service.name];
    if (password === undefined) throw new Error(`the broker on port ${options.broker.port} has no credential for ${service.name}`);
    return { KAFKA_SASL_MECHANISM, KAFKA_USERNAME: service.name, KAFKA_PASSWORD: password };
  };
  return [database, kafka, signingKeysContributor(options.signingEnv)];
}

/** What a service process inherits from the test process: only what a shell needs, never its settings. */
export function hostEnvironment(): Record<string, string> {
  const keep = ['PATH', 'HOME', 'LANG', 'TMPDIR', 'XDG_CACHE_HOME', 'JAVA_HOME'];
  return Object.fromEntries(keep.flatMap((name) => (process.env[name] ? [[name, process.env[name] as string]] : [])));
}
