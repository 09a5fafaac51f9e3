import type { ServiceEntry } from '../../apps/gateway/src/registry';

/**
 * Where the platform lives in a cluster: the names every generated manifest
 * (scripts/k8s/*) shares. Change one here, regenerate (npm run k8s:generate).
 */
export const SERVICES_NAMESPACE = 'connected-health';
/** The Strimzi cluster (k8s/kafka.yaml) and its namespace. */
export const KAFKA_CLUSTER = 'connected-health-kafka';
export const KAFKA_NAMESPACE = 'kafka';
export const KAFKA_PORT = 9092;
/** The User Operator names each user's Secret `<prefix><service>` (k8s/kafka.yaml `secretPrefix`). */
export const USER_SECRET_PREFIX = 'kafka-user-';
/** The namespace of the ingress controller, the one peer outside the platform that reaches it (the gateway). */
export const INGRESS_NAMESPACE = 'ingress-nginx';
export const INGRESS_CLASS = 'nginx';
export const GATEWAY_HOST = 'api.connected-health.example';
/** One image for every app (Dockerfile); APP picks the service. */
export const IMAGE = 'connected-health:0.1.0';
/** Every app listens on this port in its pod (PORT); its Service maps port 80 to it. */
export const APP_PORT = 3000;
/** The image's `node` user. */
export const APP_UID = 1000;
export const POSTGRES_PORT = 5432;
export const REDIS_PORT = 6379;
/**
 * Labels of Postgres and Redis pods when they run in the services' namespace
 * (a chart of your choice, labelled so): their NetworkPolicies admit only the
 * platform. A managed offer outside the cluster needs no label; the services'
 * egress to these ports is open to any address (see network-policies.ts).
 */
export const POSTGRES_LABELS = { 'app.kubernetes.io/name': 'postgres' };
export const REDIS_LABELS = { 'app.kubernetes.io/name': 'redis' };
/** The label of the Job and CronJob of k8s/patient-keys.yaml (they reach Postgres too). */
export const PATIENT_KEYS_NAME = 'patient-keys';
export const PART_OF = { 'app.kubernetes.io/part-of': 'connected-health' };
export const nameLabel = (name: string): Record<string, string> => ({ 'app.kubernetes.io/name': name });
export const labelsOf = (name: string): Record<string, string> => ({ ...nameLabel(name), ...PART_OF });

/** A service that publishes or consumes: it has a Kafka principal (KafkaUser), its pods reach the brokers. */
export const usesKafka = (service: Pick<ServiceEntry, 'topics'>): boolean =>
  service.topics.publishes.length > 0 || service.topics.consumes.length > 0;
