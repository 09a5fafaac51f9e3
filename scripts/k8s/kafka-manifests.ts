import { platformTopics, type ServiceEntry } from '../../apps/gateway/src/registry';
import { type ServiceAcl, serviceAcls } from '../platform/kafka-acls';
import { generatedHeader, yamlDocuments } from './generated-yaml';
import { kafkaClients } from './network-policies';
import { KAFKA_CLUSTER, KAFKA_NAMESPACE, KAFKA_PORT, PART_OF, SERVICES_NAMESPACE, USER_SECRET_PREFIX, usesKafka } from './platform-layout';

export { KAFKA_CLUSTER, KAFKA_NAMESPACE, SERVICES_NAMESPACE, USER_SECRET_PREFIX } from './platform-layout';
/**
 * Strimzi's current API (served by Strimzi 0.49 and later, the only one of 1.x);
 * scripts/k8s/strimzi-check validates every resource against its CRD schema.
 */
export const STRIMZI_API = 'kafka.strimzi.io/v1';
export const BROKERS = 3;
export const TOPIC_PARTITIONS = 6;
export const TOPIC_REPLICAS = 3;
/** With 3 replicas, one broker may be down and an acks=all write still succeeds; two down refuse writes rather than lose them. */
export const MIN_INSYNC_REPLICAS = 2;
/** The operators' super user (its password: the Secret kafka-user-platform-admin); no service uses it. */
export const ADMIN_USER = 'platform-admin';

const clusterLabel = { 'strimzi.io/cluster': KAFKA_CLUSTER };

const aclOf = (acl: ServiceAcl) => ({
  resource: { type: acl.resource.type, name: acl.resource.name, patternType: acl.resource.patternType },
  operations: acl.operations,
  host: '*',
});

/**
 * One KafkaUser per service that uses Kafka: SCRAM-SHA-512, principal
 * User:<name>, exactly the ACLs services.json implies (scripts/platform/kafka-acls.ts,
 * the same rules as the local broker). The User Operator writes its password to
 * the Secret `kafka-user-<name>` (key `password`) in the services' namespace.
 * The gateway uses no Kafka: no principal at all, nothing to leak.
 */
export function kafkaUsers(services: ReadonlyArray<Pick<ServiceEntry, 'name' | 'topics'>>) {
  return services.filter(usesKafka).map((service) => ({
    apiVersion: STRIMZI_API,
    kind: 'KafkaUser',
    metadata: { name: service.name, namespace: SERVICES_NAMESPACE, labels: { ...clusterLabel, ...PART_OF } },
    spec: {
      authentication: { type: 'scram-sha-512' },
      authorization: { type: 'simple', acls: serviceAcls(service).map(aclOf) },
    },
  }));
}

export const kafkaUsersYaml = (services: ReadonlyArray<Pick<ServiceEntry, 'name' | 'topics'>>): string =>
  `${generatedHeader('Kafka principals of the services (Strimzi KafkaUser), one per services.json entry that uses Kafka.')}${yamlDocuments(kafkaUsers(services))}`;

/** One KafkaTopic per topic of the platform (published, consumed, dead letters): the cluster creates no topic on first use. */
export function kafkaTopics(services: ReadonlyArray<Pick<ServiceEntry, 'name' | 'topics'>>) {
  return platformTopics([...services]).map((topic) => ({
    apiVersion: STRIMZI_API,
    kind: 'KafkaTopic',
    // A resource name is a DNS label; the topic's own name is spec.topicName.
    metadata: { name: topic.replace(/[^a-z0-9-]/g, '-'), namespace: KAFKA_NAMESPACE, labels: clusterLabel },
    spec: {
      topicName: topic,
      partitions: TOPIC_PARTITIONS,
      replicas: TOPIC_REPLICAS,
      config: { 'min.insync.replicas': MIN_INSYNC_REPLICAS },
    },
  }));
}

export const kafkaTopicsYaml = (services: ReadonlyArray<Pick<ServiceEntry, 'name' | 'topics'>>): string =>
  `${generatedHeader('Topics of the platform (Strimzi KafkaTopic), derived from every services.json entry.')}${yamlDocuments(kafkaTopics(services))}`;

/**
 * The cluster: 3 KRaft nodes, each controller and broker (KafkaNodePool), one
 * internal listener with SCRAM-SHA-512 and the simple authorizer (no ACL =
 * refused, no topic created on first use). Strimzi generates the listener's
 * NetworkPolicy from networkPolicyPeers: only the pods of the services that use
 * Kafka reach port 9092 (its own operators reach the brokers on their own ports).
 */
export function kafkaCluster(services: readonly ServiceEntry[]) {
  const nodePool = {
    apiVersion: STRIMZI_API,
    kind: 'KafkaNodePool',
    metadata: { name: 'dual-role', namespace: KAFKA_NAMESPACE, labels: clusterLabel },
    spec: {
      replicas: BROKERS,
      roles: ['controller', 'broker'],
      storage: { type: 'persistent-claim', size: '50Gi', deleteClaim: false },
      resources: { requests: { cpu: '500m', memory: '2Gi' }, limits: { memory: '2Gi' } },
    },
  };
  const kafka = {
    apiVersion: STRIMZI_API,
    kind: 'Kafka',
    metadata: { name: KAFKA_CLUSTER, namespace: KAFKA_NAMESPACE },
    spec: {
      kafka: {
        listeners: [
          {
            name: 'plain',
            port: KAFKA_PORT,
            type: 'internal',
            tls: false,
            authentication: { type: 'scram-sha-512' },
            networkPolicyPeers: [
              {
                namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': SERVICES_NAMESPACE } },
                podSelector: { matchExpressions: [{ key: 'app.kubernetes.io/name', operator: 'In', values: kafkaClients(services).sort() }] },
              },
            ],
          },
        ],
        authorization: { type: 'simple', superUsers: [ADMIN_USER] },
        config: {
          'default.replication.factor': TOPIC_REPLICAS,
          'min.insync.replicas': MIN_INSYNC_REPLICAS,
          'offsets.topic.replication.factor': TOPIC_REPLICAS,
          'transaction.state.log.replication.factor': TOPIC_REPLICAS,
          'transaction.state.log.min.isr': MIN_INSYNC_REPLICAS,
          'num.partitions': TOPIC_PARTITIONS,
          'auto.create.topics.enable': false,
          'allow.everyone.if.no.acl.found': false,
        },
      },
      entityOperator: {
        topicOperator: {},
        // Users (and their password Secrets) live beside the services that use them.
        userOperator: { watchedNamespace: SERVICES_NAMESPACE, secretPrefix: USER_SECRET_PREFIX },
      },
    },
  };
  const admin = {
    apiVersion: STRIMZI_API,
    kind: 'KafkaUser',
    metadata: { name: ADMIN_USER, namespace: SERVICES_NAMESPACE, labels: { ...clusterLabel, ...PART_OF } },
    spec: { authentication: { type: 'scram-sha-512' } },
  };
  return [nodePool, kafka, admin];
}

export const kafkaClusterYaml = (services: readonly ServiceEntry[]): string =>
  `${generatedHeader(`Kafka: 3 KRaft nodes run by the Strimzi operator (kafka.strimzi.io/v1: Strimzi 0.49 or later), not by hand.
Install the operator first, watching the namespace ${KAFKA_NAMESPACE}:
  kubectl create namespace ${KAFKA_NAMESPACE}
  kubectl create -f 'https://strimzi.io/install/latest?namespace=${KAFKA_NAMESPACE}' -n ${KAFKA_NAMESPACE}
  (or its Helm chart; pin the version you tested), then apply this file, kafka-users.yaml and kafka-topics.yaml.
Replication 3, min ISR 2: one broker may be down without refusing or losing an acks=all write.
Trust: SCRAM-SHA-512 and the simple authorizer (no ACL = refused, no topic created on first use);
each service is the KafkaUser of its services.json name (kafka-users.yaml) and reads its password from
the Secret ${USER_SECRET_PREFIX}<service> the User Operator writes in ${SERVICES_NAMESPACE}. ${ADMIN_USER} is the
operators' super user. The listener admits only the pods of the services that use Kafka (networkPolicyPeers:
Strimzi generates that NetworkPolicy). The listener has no TLS: the services' Kafka client has no TLS setting yet.`)}${yamlDocuments(kafkaCluster(services))}`;
