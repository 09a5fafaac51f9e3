import type { ServiceEntry } from '../../apps/gateway/src/registry';
import { generatedHeader, yamlDocuments } from './generated-yaml';
import {
  APP_PORT,
  INGRESS_NAMESPACE,
  KAFKA_CLUSTER,
  KAFKA_NAMESPACE,
  KAFKA_PORT,
  labelsOf,
  nameLabel,
  PART_OF,
  PATIENT_KEYS_NAME,
  POSTGRES_LABELS,
  POSTGRES_PORT,
  REDIS_LABELS,
  REDIS_PORT,
  SERVICES_NAMESPACE,
  usesKafka,
} from './platform-layout';

const GATEWAY = 'gateway';
const tcp = (port: number | string) => ({ protocol: 'TCP', port });
const namespaceOf = (name: string) => ({ matchLabels: { 'kubernetes.io/metadata.name': name } });
const podsNamed = (names: string[]) => ({ matchExpressions: [{ key: 'app.kubernetes.io/name', operator: 'In', values: [...names].sort() }] });

/** The services whose pods reach Kafka: Strimzi's listener admits these alone (k8s/kafka.yaml networkPolicyPeers). */
export const kafkaClients = (services: readonly ServiceEntry[]): string[] => services.filter(usesKafka).map((s) => s.name);
/** Who opens a connection to Postgres: each service with a schema (its init container migrates, its app reads and writes) and the patient keys Jobs. */
export const postgresClients = (services: readonly ServiceEntry[]): string[] => [...services.filter((s) => s.schema).map((s) => s.name), PATIENT_KEYS_NAME];

/** The broker pods of the Strimzi cluster (every pod Strimzi makes for it carries both labels). */
export const KAFKA_BROKER_PODS = { matchLabels: { 'strimzi.io/cluster': KAFKA_CLUSTER, 'strimzi.io/kind': 'Kafka' } };

const policy = (name: string, labelsName: string, spec: Record<string, unknown>) => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name, namespace: SERVICES_NAMESPACE, labels: labelsOf(labelsName) },
  spec,
});

/**
 * A service's pods: who may open a connection to them, and to what they may
 * open one (replies are always allowed; DNS is k8s/network-policies.yaml's).
 * In: the gateway's pods only (it proxies their routes and asks the declaring
 * ones for patient exports and disclosures; no service calls another over
 * HTTP), and for the gateway the ingress controller's namespace only.
 * Out: Postgres with a schema, Redis (jobs, the gateway's shared rate limit,
 * readiness), the Kafka brokers when it uses Kafka, HTTPS (the identity
 * provider's JWKS), and for the gateway every other service.
 * Postgres and Redis may be a managed offer outside the cluster: their egress
 * rules name the port, not an address (narrow them with an ipBlock if you know it).
 */
export function serviceNetworkPolicy(service: ServiceEntry, services: readonly ServiceEntry[]) {
  const gateway = service.name === GATEWAY;
  const others = services.filter((s) => s.name !== GATEWAY).map((s) => s.name);
  const from = gateway
    ? [{ namespaceSelector: namespaceOf(INGRESS_NAMESPACE) }]
    : [{ podSelector: { matchLabels: nameLabel(GATEWAY) } }];
  const egress = [
    ...(gateway && others.length > 0 ? [{ to: [{ podSelector: podsNamed(others) }], ports: [tcp(APP_PORT)] }] : []),
    ...(service.schema ? [{ ports: [tcp(POSTGRES_PORT)] }] : []),
    { ports: [tcp(REDIS_PORT)] },
    ...(usesKafka(service) ? [{ to: [{ namespaceSelector: namespaceOf(KAFKA_NAMESPACE), podSelector: KAFKA_BROKER_PODS }], ports: [tcp(KAFKA_PORT)] }] : []),
    { ports: [tcp(443)] },
  ];
  return policy(service.name, service.name, {
    podSelector: { matchLabels: nameLabel(service.name) },
    policyTypes: ['Ingress', 'Egress'],
    ingress: [{ from, ports: [tcp(APP_PORT)] }],
    egress,
  });
}

/** k8s/network-policies.yaml: the namespace's defaults and the data stores' policies. */
export function networkPoliciesYaml(services: readonly ServiceEntry[]): string {
  const platform = services.map((s) => s.name);
  const documents = [
    // Nothing in, nothing out, unless a policy below or in a service's file allows it.
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'default-deny', namespace: SERVICES_NAMESPACE, labels: PART_OF },
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
    },
    // Every pod resolves names (Services, the brokers, the identity provider) through the cluster's DNS.
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'allow-dns', namespace: SERVICES_NAMESPACE, labels: PART_OF },
      spec: {
        podSelector: {},
        policyTypes: ['Egress'],
        egress: [
          {
            to: [{ namespaceSelector: namespaceOf('kube-system'), podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
            ports: [
              { protocol: 'UDP', port: 53 },
              { protocol: 'TCP', port: 53 },
            ],
          },
        ],
      },
    },
    // Postgres, when it runs in this namespace: the services with a schema and the patient keys Jobs only.
    policy('postgres', 'postgres', {
      podSelector: { matchLabels: POSTGRES_LABELS },
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ podSelector: podsNamed(postgresClients(services)) }], ports: [tcp(POSTGRES_PORT)] }],
    }),
    // Redis, when it runs in this namespace: the platform's services only.
    policy('redis', 'redis', {
      podSelector: { matchLabels: REDIS_LABELS },
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ podSelector: podsNamed(platform) }], ports: [tcp(REDIS_PORT)] }],
    }),
    // The patient keys Job and rotation (k8s/patient-keys.yaml): Postgres, nothing else; no one calls them.
    policy(PATIENT_KEYS_NAME, PATIENT_KEYS_NAME, {
      podSelector: { matchLabels: nameLabel(PATIENT_KEYS_NAME) },
      policyTypes: ['Ingress', 'Egress'],
      egress: [{ ports: [tcp(POSTGRES_PORT)] }],
    }),
  ];
  return `${generatedHeader(
    `NetworkPolicies of the namespace ${SERVICES_NAMESPACE}: default deny both ways, DNS for every pod, Postgres and Redis for the platform alone. Each service's own policy is in its file; Kafka's is its listener's networkPolicyPeers (kafka.yaml).`,
  )}${yamlDocuments(documents)}`;
}
