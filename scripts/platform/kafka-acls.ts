import { deadLetterTopicPrefix } from '@app/contracts';
import type { ServiceEntry } from '../../apps/gateway/src/registry';

/** Operations as Kafka (and Strimzi's KafkaUser) name them. */
export type AclOperation = 'Read' | 'Write' | 'Describe';

/** One ALLOW rule of a service's principal `User:<service>` (from any host). */
export interface ServiceAcl {
  principal: string;
  resource: { type: 'topic' | 'group'; name: string; patternType: 'literal' | 'prefixed' };
  operations: AclOperation[];
}

/** The prefix of every consumer group id of a service (libs/messaging names them `<service>.<purpose>`). */
export const consumerGroupPrefix = (serviceName: string): string => `${serviceName}.`;

export const principalOf = (serviceName: string): string => `User:${serviceName}`;

/**
 * What a service's principal may do, derived from its services.json entry and
 * nothing else: write (and describe) the topics it publishes and its own
 * dead-letter topics (`<topic>.<service>.` prefixed), read (and describe) the
 * topics it consumes, and read its own consumer groups (`<service>.` prefixed).
 * Anything not granted is refused (allow.everyone.if.no.acl.found=false).
 * An idempotent producer needs no cluster IDEMPOTENT_WRITE: since Kafka 3.0
 * WRITE on a topic implies it (KIP-679; shown by broker-acls.int-spec.ts).
 */
export function serviceAcls(service: Pick<ServiceEntry, 'name' | 'topics'>): ServiceAcl[] {
  const principal = principalOf(service.name);
  const acl = (type: 'topic' | 'group', name: string, patternType: 'literal' | 'prefixed', operations: AclOperation[]): ServiceAcl => ({
    principal,
    resource: { type, name, patternType },
    operations,
  });
  const { publishes, consumes } = service.topics;
  return [
    ...publishes.map((topic) => acl('topic', topic, 'literal', ['Write', 'Describe'])),
    ...consumes.map((topic) => acl('topic', topic, 'literal', ['Read', 'Describe'])),
    ...consumes.map((topic) => acl('topic', deadLetterTopicPrefix(topic, service.name), 'prefixed', ['Write', 'Describe'])),
    ...(consumes.length > 0 ? [acl('group', consumerGroupPrefix(service.name), 'prefixed', ['Read'])] : []),
  ];
}

/** Every service's rules, in services.json order. */
export const platformAcls = (services: ReadonlyArray<Pick<ServiceEntry, 'name' | 'topics'>>): ServiceAcl[] => services.flatMap(serviceAcls);
