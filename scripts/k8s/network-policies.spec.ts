import { join } from 'node:path';
import { loadServiceRegistry } from '../../apps/gateway/src/registry';
import { REPO_ROOT } from '../platform/repo-root';
import { kafkaCluster } from './kafka-manifests';
import { type Manifest, manifestDocuments } from './kubernetes-schema';

/**
 * The NetworkPolicies of k8s/ evaluated as Kubernetes does (a pod selected by
 * a policy of a direction admits only what one of them allows), plus the
 * listener policy Strimzi generates from networkPolicyPeers: who reaches whom.
 */
type Labels = Record<string, string>;
interface Pod {
  namespace: string;
  labels: Labels;
}
interface Selector {
  matchLabels?: Labels;
  matchExpressions?: Array<{ key: string; operator: string; values: string[] }>;
}
interface Peer {
  podSelector?: Selector;
  namespaceSelector?: Selector;
}
interface Rule {
  from?: Peer[];
  to?: Peer[];
  ports?: Array<{ protocol?: string; port?: number | string }>;
}
interface Policy {
  namespace: string;
  podSelector: Selector;
  policyTypes: string[];
  ingress?: Rule[];
  egress?: Rule[];
}

const selects = (selector: Selector, labels: Labels): boolean =>
  Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v) &&
  (selector.matchExpressions ?? []).every((e) => (e.operator === 'In' ? e.values.includes(labels[e.key]) : false));
const peerMatches = (peer: Peer, pod: Pod, policyNamespace: string): boolean =>
  (peer.namespaceSelector ? selects(peer.namespaceSelector, { 'kubernetes.io/metadata.name': pod.namespace }) : pod.namespace === policyNamespace) &&
  (peer.podSelector ? selects(peer.podSelector, pod.labels) : true);
const portMatches = (rule: Rule, port: number, protocol: string): boolean =>
  !rule.ports || rule.ports.some((p) => (p.protocol ?? 'TCP') === protocol && (p.port === undefined || p.port === port));

function allowedBy(policies: Policy[], direction: 'Ingress' | 'Egress', pod: Pod, peer: Pod | 'outside', port: number, protocol: string): boolean {
  const applying = policies.filter((p) => p.namespace === pod.namespace && p.policyTypes.includes(direction) && selects(p.podSelector, pod.labels));
  if (applying.length === 0) return true;
  return applying.some((p) =>
    (direction === 'Ingress' ? p.ingress : p.egress)?.some((rule) => {
      const peers = direction === 'Ingress' ? rule.from : rule.to;
      const peerOk = !peers || (peer !== 'outside' && peers.some((candidate) => peerMatches(candidate, peer, p.namespace)));
      return peerOk && portMatches(rule, port, protocol);
    }),
  );
}

describe('k8s/ NetworkPolicies: who reaches whom', () => {
  const services = loadServiceRegistry();
  const policies: Policy[] = manifestDocuments(join(REPO_ROOT, 'k8s'))
    .map((d) => d.manifest)
    .filter((m: Manifest) => m.kind === 'NetworkPolicy')
    .map((m) => ({ namespace: m.metadata!.namespace!, ...(m.spec as Omit<Policy, 'namespace'>) }));
  // What Strimzi generates for the listener (port 9092 of the brokers) from its networkPolicyPeers.
  const kafka = kafkaCluster(services)[1] as { spec: { kafka: { listeners: Array<{ port: number; networkPolicyPeers: Peer[] }> } } };
  policies.push({
    namespace: 'kafka',
    podSelector: { matchLabels: { 'strimzi.io/cluster': 'connected-health-kafka', 'strimzi.io/kind': 'Kafka' } },
    policyTypes: ['Ingress'],
    ingress: kafka.spec.kafka.listeners.map((l) => ({ from: l.networkPolicyPeers, ports: [{ protocol: 'TCP', port: l.port }] })),
  });

  const app = (name: string): Pod => ({ namespace: 'connected-health', labels: { 'app.kubernetes.io/name': name, 'app.kubernetes.io/part-of': 'connected-health' } });
  const broker: Pod = { namespace: 'kafka', labels: { 'strimzi.io/cluster': 'connected-health-kafka', 'strimzi.io/kind': 'Kafka' } };
  const postgres: Pod = { namespace: 'connected-health', labels: { 'app.kubernetes.io/name': 'postgres' } };
  const redis: Pod = { namespace: 'connected-health', labels: { 'app.kubernetes.io/name': 'redis' } };
  const ingressController: Pod = { namespace: 'ingress-nginx', labels: { 'app.kubernetes.io/name': 'ingress-nginx' } };
  const stranger: Pod = { namespace: 'default', labels: { 'app.kubernetes.io/name': 'gateway' } };
  const dns: Pod = { namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } };
  const reaches = (from: Pod, to: Pod | 'outside', port: number, protocol = 'TCP'): boolean =>
    allowedBy(policies, 'Egress', from, to, port, protocol) && (to === 'outside' || allowedBy(policies, 'Ingress', to, from, port, protocol));

  const names = services.map((s) => s.name);
  const backends = names.filter((n) => n !== 'gateway');

  it('lets the ingress controller reach the gateway, and nothing else reach it nor any service from outside the namespace', () => {
    expect(reaches(ingressController, app('gateway'), 3000)).toBe(true);
    expect(reaches(stranger, app('gateway'), 3000)).toBe(false);
    for (const name of backends) expect({ name, controller: reaches(ingressController, app(name), 3000), stranger: reaches(stranger, app(name), 3000) }).toEqual({ name, controller: false, stranger: false });
  });

  it('lets the gateway reach every service, and no service reach another or the gateway', () => {
    for (const name of backends) expect({ name, ok: reaches(app('gateway'), app(name), 3000) }).toEqual({ name, ok: true });
    for (const from of backends) for (const to of names.filter((n) => n !== from)) expect({ from, to, ok: reaches(app(from), app(to), 3000) }).toEqual({ from, to, ok: false });
  });

  it('lets exactly the services that use Kafka reach the brokers', () => {
    for (const service of services) {
      const uses = service.topics.publishes.length + service.topics.consumes.length > 0;
      expect({ name: service.name, ok: reaches(app(service.name), broker, 9092) }).toEqual({ name: service.name, ok: uses });
    }
    expect(reaches(stranger, broker, 9092)).toBe(false);
    expect(reaches({ namespace: 'connected-health', labels: { 'app.kubernetes.io/name': 'intruder' } }, broker, 9092)).toBe(false);
  });

  it('lets Postgres be reached by the services with a schema and the patient keys Jobs alone; Redis by the services alone', () => {
    for (const service of services) expect({ name: service.name, ok: reaches(app(service.name), postgres, 5432) }).toEqual({ name: service.name, ok: Boolean(service.schema) });
    expect(reaches(app('patient-keys'), postgres, 5432)).toBe(true);
    expect(reaches(stranger, postgres, 5432)).toBe(false);
    for (const name of names) expect(reaches(app(name), redis, 6379)).toBe(true);
    expect(reaches(app('patient-keys'), redis, 6379)).toBe(false);
  });

  it('lets every pod resolve names, and no pod open what its policy does not name', () => {
    for (const name of [...names, 'patient-keys']) expect(reaches(app(name), dns, 53, 'UDP')).toBe(true);
    expect(reaches(app('claims'), 'outside', 22)).toBe(false);
    expect(reaches(app('patient-keys'), 'outside', 443)).toBe(false);
  });
});
