import { TOPICS } from '@app/contracts';
import type { ServiceEntry } from '../../apps/gateway/src/registry';
import { expectedSecretKeys } from '../platform/k8s-secrets';
import { generatedHeader, yamlDocuments } from './generated-yaml';
import {
  APP_PORT,
  APP_UID,
  GATEWAY_HOST,
  IMAGE,
  INGRESS_CLASS,
  labelsOf,
  nameLabel,
  SERVICES_NAMESPACE,
  USER_SECRET_PREFIX,
  usesKafka,
} from './platform-layout';
import { serviceNetworkPolicy } from './network-policies';

export const GATEWAY = 'gateway';
/**
 * The gateway's own settings, in its own ConfigMap: its rate limit per token `sub`
 * (per address without a token), the browser origins CORS allows (none until you
 * list yours, comma-separated), and one trusted proxy hop, the ingress controller:
 * without it every caller without a token would share the controller's address, hence one budget.
 */
export const GATEWAY_CONFIG = { RATE_LIMIT_PER_MINUTE: '600', CORS_ORIGINS: '', TRUST_PROXY_HOPS: '1' };
/** Consumers share at most as many replicas as a topic has partitions (kafka-manifests TOPIC_PARTITIONS). */
export const MIN_REPLICAS = 2;
export const MAX_REPLICAS = 6;

const metadata = (name: string, labelsName = name) => ({ name, namespace: SERVICES_NAMESPACE, labels: labelsOf(labelsName) });

/** Non-root, no privilege, read-only root: swc-node's compile cache goes to the /tmp emptyDir. */
const containerSecurity = {
  runAsNonRoot: true,
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  capabilities: { drop: ['ALL'] },
};
const podSecurity = {
  runAsNonRoot: true,
  runAsUser: APP_UID,
  runAsGroup: APP_UID,
  fsGroup: APP_UID,
  seccompProfile: { type: 'RuntimeDefault' },
};
const tmpMount = [{ name: 'tmp', mountPath: '/tmp' }];

const httpProbe = (path: string, extra: Record<string, number>) => ({ httpGet: { path, port: 'http' }, timeoutSeconds: 3, ...extra });

/** What a service's app container reads besides its own env: shared settings, then its own. */
function envFrom(service: ServiceEntry) {
  return [
    { configMapRef: { name: 'platform-config' } },
    ...(service.name === GATEWAY ? [{ configMapRef: { name: 'gateway-config' } }] : []),
    // The ledger checks every entry's signature against the signers registry (public keys).
    ...(service.topics.consumes.includes(TOPICS.auditEntries) ? [{ configMapRef: { name: 'audit-signers' } }] : []),
    ...(expectedSecretKeys(service).length > 0 ? [{ secretRef: { name: `${service.name}-secrets` } }] : []),
  ];
}

function appEnv(service: ServiceEntry) {
  return [
    { name: 'APP', value: service.name },
    { name: 'PORT', value: String(APP_PORT) },
    // Its own Kafka principal User:<name>, with the ACLs of its KafkaUser (k8s/kafka-users.yaml).
    ...(usesKafka(service)
      ? [
          { name: 'KAFKA_SASL_MECHANISM', value: 'scram-sha-512' },
          { name: 'KAFKA_USERNAME', value: service.name },
          { name: 'KAFKA_PASSWORD', valueFrom: { secretKeyRef: { name: `${USER_SECRET_PREFIX}${service.name}`, key: 'password' } } },
        ]
      : []),
  ];
}

/**
 * Its migrations, before the app starts, as the schema's owner role (Secret
 * `<name>-migration`); idempotent, so a second replica finds them applied.
 */
const migrateContainer = (service: ServiceEntry) => ({
  name: 'migrate',
  image: IMAGE,
  command: ['node', '-r', '@swc-node/register', 'scripts/platform/migrate.ts', '--skip-infra', '--only', service.name],
  envFrom: [{ configMapRef: { name: 'platform-config' } }, { secretRef: { name: `${service.name}-migration` } }],
  resources: { requests: { cpu: '50m', memory: '128Mi' }, limits: { memory: '384Mi' } },
  securityContext: containerSecurity,
  volumeMounts: tmpMount,
});

export function deployment(service: ServiceEntry) {
  const gateway = service.name === GATEWAY;
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: metadata(service.name),
    spec: {
      // No `replicas`: its HorizontalPodAutoscaler owns the count (an apply would reset it).
      selector: { matchLabels: nameLabel(service.name) },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
      template: {
        metadata: { labels: labelsOf(service.name) },
        spec: {
          // It never calls the Kubernetes API.
          automountServiceAccountToken: false,
          securityContext: podSecurity,
          // Replicas on different nodes when the cluster has them, so a drain (PodDisruptionBudget) keeps one serving.
          topologySpreadConstraints: [
            { maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: nameLabel(service.name) } },
          ],
          ...(service.schema ? { initContainers: [migrateContainer(service)] } : {}),
          containers: [
            {
              name: 'app',
              image: IMAGE,
              env: appEnv(service),
              envFrom: envFrom(service),
              ports: [{ name: 'http', containerPort: APP_PORT }],
              // swc-node compiles the TypeScript on the first start: up to two minutes before liveness counts.
              startupProbe: httpProbe('/health/live', { periodSeconds: 5, failureThreshold: 24 }),
              // Ready: its database, broker (and, for the gateway, every service behind it) answer.
              readinessProbe: httpProbe('/health/ready', { periodSeconds: 5, failureThreshold: 3 }),
              livenessProbe: httpProbe('/health/live', { periodSeconds: 10, failureThreshold: 3 }),
              resources: gateway
                ? { requests: { cpu: '100m', memory: '192Mi' }, limits: { memory: '512Mi' } }
                : { requests: { cpu: '100m', memory: '256Mi' }, limits: { memory: '512Mi' } },
              securityContext: containerSecurity,
              volumeMounts: tmpMount,
            },
          ],
          volumes: [{ name: 'tmp', emptyDir: {} }],
        },
      },
    },
  };
}

export const service = (entry: ServiceEntry) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: metadata(entry.name),
  spec: { selector: nameLabel(entry.name), ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
});

export const autoscaler = (entry: ServiceEntry) => ({
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  metadata: metadata(entry.name),
  spec: {
    scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: entry.name },
    minReplicas: MIN_REPLICAS,
    maxReplicas: MAX_REPLICAS,
    metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
    // Scaling a consumer down rebalances its group: not on every dip.
    behavior: { scaleDown: { stabilizationWindowSeconds: 300, policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] } },
  },
});

export const disruptionBudget = (entry: ServiceEntry) => ({
  apiVersion: 'policy/v1',
  kind: 'PodDisruptionBudget',
  metadata: metadata(entry.name),
  spec: { maxUnavailable: 1, selector: { matchLabels: nameLabel(entry.name) } },
});

const gatewayConfig = () => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: metadata('gateway-config', GATEWAY),
  data: GATEWAY_CONFIG,
});

/** The platform's one public entry: TLS at the ingress controller, every path to the gateway. */
const gatewayIngress = () => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: metadata(GATEWAY),
  spec: {
    ingressClassName: INGRESS_CLASS,
    tls: [{ hosts: [GATEWAY_HOST], secretName: 'gateway-tls' }],
    rules: [
      {
        host: GATEWAY_HOST,
        http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: GATEWAY, port: { name: 'http' } } } }] },
      },
    ],
  },
});

const HEADER: Record<string, string> = {
  [GATEWAY]:
    'The one HTTP entry point (Ingress), stateless: its autoscaler adds replicas. Ready only when every service behind it is ready. It has no Secret: no database role, no data key, no Kafka user.',
};

/** k8s/<name>.yaml: everything a service runs with, from its services.json entry. */
export function serviceYaml(entry: ServiceEntry, services: readonly ServiceEntry[]): string {
  const documents: unknown[] = [
    ...(entry.name === GATEWAY ? [gatewayConfig()] : []),
    deployment(entry),
    service(entry),
    ...(entry.name === GATEWAY ? [gatewayIngress()] : []),
    autoscaler(entry),
    disruptionBudget(entry),
    serviceNetworkPolicy(entry, services),
  ];
  const what = HEADER[entry.name] ?? `The service ${entry.name}: Deployment (its migrations in an init container), Service, autoscaler, disruption budget, network policy.`;
  return `${generatedHeader(what)}${yamlDocuments(documents)}`;
}
