import type { ServiceEntry } from '../../apps/gateway/src/registry';
import { databaseRoles } from './secrets/database-roles';
import { kafkaCredentials } from './secrets/kafka-credentials';
import { signingKeys } from './secrets/signing-keys';

/**
 * What one concern adds to a service's environment: its own Kafka
 * credentials, its own signing key, its own database role. Each service gets
 * only its own secrets (ARCHITECTURE.md "Trust inside the platform").
 */
export type ServiceEnvContributor = (
  service: ServiceEntry,
  services: readonly ServiceEntry[],
) => Promise<Record<string, string>> | Record<string, string>;

/** Contributors, in order; a later one may not silently override an earlier one's variable. */
export const SERVICE_ENV_CONTRIBUTORS: ServiceEnvContributor[] = [
  databaseRoles,
  kafkaCredentials,
  signingKeys,
];

/** The environment of each service process of `npm start`: the platform's, then the service's own. */
export async function serviceEnvironments(
  services: readonly ServiceEntry[],
  base: NodeJS.ProcessEnv,
  contributors: readonly ServiceEnvContributor[] = SERVICE_ENV_CONTRIBUTORS,
): Promise<Map<string, NodeJS.ProcessEnv>> {
  const environments = new Map<string, NodeJS.ProcessEnv>();
  for (const service of services) {
    const own: Record<string, string> = {};
    for (const contribute of contributors) {
      for (const [name, value] of Object.entries(await contribute(service, services))) {
        if (name in own) throw new Error(`${name} of ${service.name} is set twice`);
        own[name] = value;
      }
    }
    environments.set(service.name, { ...base, ...own });
  }
  return environments;
}
