import { platformTopics, type ServiceEntry } from '../../apps/gateway/src/registry';
import { type ServiceAcl, serviceAcls } from '../platform/kafka-acls';

/** The Strimzi cluster of k8s/kafka.yaml, its namespace, and where the services (and their KafkaUsers) live. */
export const KAFKA_CLUSTER = 'connected-health-kafka';
export const KAFKA_NAMESPACE = 'kafka';
export const SERVICES_NAMESPACE = 'connected-health';
/** The User Operator names each user's Secret `<prefix><service>` (k8s/kafka.yaml `secretPrefix`). */
export const USER_SECRET_PREFIX = 'kafka-user-';
export const TOPIC_PARTITIONS = 6;
export const TOPIC_REPLICAS = 3;

const GENERATED = (what: string) =>
  `# GENERATED from services.json by scripts/k8s/kafka-manifests.ts (npm run k8s:kafka): do not edit.
# ${what}
# A test (scripts/k8s/kafka-manifests.spec.ts) fails when this file and services.json disagree.
`;

const aclYaml = (acl: ServiceAcl): string =>
  [
    `      - resource:`,
    `          type: ${acl.resource.type}`,
    `          name: ${acl.resource.name}`,
    `          patternType: ${acl.resource.patternType}`,
    `        operations: [${acl.operations.join(', ')}]`,
    `        host: "*"`,
  ].join('\n');

/**
 * One KafkaUser per service: SCRAM-SHA-512, principal User:<name>, exactly
 * the ACLs services.json implies (scripts/platform/kafka-acls.ts, the same
 * rules as the local broker). The User Operator writes its password to the
 * Secret `kafka-user-<name>` (key `password`) in the services' namespace.
 */
export function kafkaUsersYaml(services: ReadonlyArray<Pick<ServiceEntry, 'name' | 'topics'>>): string {
  // A service that uses no Kafka (the gateway) gets no principal at all: nothing to leak.
  const users = services.filter(usesKafka).map((service) => {
    const acls = serviceAcls(service);
    return [
      `apiVersion: kafka.strimzi.io/v1beta2`,
      `kind: KafkaUser`,
      `metadata:`,
      `  name: ${service.name}`,
      `  namespace: ${SERVICES_NAMESPACE}`,
      `  labels:`,
      `    strimzi.io/cluster: ${KAFKA_CLUSTER}`,
      `    app.kubernetes.io/part-of: connected-health`,
      `spec:`,
      `  authentication:`,
      `    type: scram-sha-512`,
      `  authorization:`,
      `    type: simple`,
      `    acls:\n${acls.map(aclYaml).join('\n')}`,
    ].join('\n');
  });
  return `${GENERATED('Kafka principals of the services (Strimzi KafkaUser), one per services.json entry.')}---\n${users.join('\n---\n')}\n`;
}

const usesKafka = (service: Pick<ServiceEntry, 'topics'>): boolean =>
  service.topics.publishes.length > 0 || service.topics.consumes.length > 0;

/** One KafkaTopic per topic of the platform (published, consumed, dead letters): the cluster creates no topic on first use. */
export function kafkaTopicsYaml(services: ReadonlyArray<Pick<ServiceEntry, 'name' | 'topics'>>): string {
  const topics = platformTopics([...services]).map((topic) =>
    [
      `apiVersion: kafka.strimzi.io/v1beta2`,
      `kind: KafkaTopic`,
      `metadata:`,
      // A resource name is a DNS label; the topic's own name is spec.topicName.
      `  name: ${topic.replace(/[^a-z0-9-]/g, '-')}`,
      `  namespace: ${KAFKA_NAMESPACE}`,
      `  labels:`,
      `    strimzi.io/cluster: ${KAFKA_CLUSTER}`,
      `spec:`,
      `  topicName: ${topic}`,
      `  partitions: ${TOPIC_PARTITIONS}`,
      `  replicas: ${TOPIC_REPLICAS}`,
    ].join('\n'),
  );
  return `${GENERATED('Topics of the platform (Strimzi KafkaTopic), derived from every services.json entry.')}---\n${topics.join('\n---\n')}\n`;
}
