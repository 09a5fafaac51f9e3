import { loadServiceRegistry } from '../../apps/gateway/src/registry';
import { parseAllDocuments } from 'yaml';
import { serviceYaml } from './service-manifests';

interface Doc {
  kind: string;
  metadata: { name: string };
  spec: Record<string, unknown>;
  data?: Record<string, string>;
}
interface Container {
  name: string;
  readinessProbe: { httpGet: { path: string; port: string } };
  livenessProbe: { httpGet: { path: string; port: string } };
  startupProbe: { httpGet: { path: string } };
  resources: { requests: { cpu: string; memory: string }; limits: { memory: string } };
  securityContext: Record<string, unknown>;
}

/** What each service's k8s/<name>.yaml holds (the files themselves are compared by generated-files.spec.ts). */
describe('k8s/<service>.yaml from services.json', () => {
  const services = loadServiceRegistry();
  const docsOf = (name: string): Doc[] =>
    parseAllDocuments(serviceYaml(services.find((s) => s.name === name)!, services)).map((d) => d.toJS() as Doc);

  it.each(services.map((s) => s.name))('%s: Deployment probed, bounded and non-root, its Service, autoscaler, disruption budget and policy', (name) => {
    const docs = docsOf(name);
    expect(docs.map((d) => d.kind).filter((k) => k !== 'ConfigMap' && k !== 'Ingress')).toEqual([
      'Deployment',
      'Service',
      'HorizontalPodAutoscaler',
      'PodDisruptionBudget',
      'NetworkPolicy',
    ]);
    const deployment = docs.find((d) => d.kind === 'Deployment')!;
    const pod = (deployment.spec.template as { spec: { securityContext: Record<string, unknown>; containers: Container[]; automountServiceAccountToken: boolean } }).spec;
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(deployment.spec.replicas).toBeUndefined();
    const [app] = pod.containers;
    expect(app.readinessProbe.httpGet).toEqual({ path: '/health/ready', port: 'http' });
    expect(app.livenessProbe.httpGet).toEqual({ path: '/health/live', port: 'http' });
    expect(app.resources.requests.cpu).toBeDefined();
    expect(app.resources.limits.memory).toBeDefined();
    expect(app.securityContext).toMatchObject({ runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
    const hpa = docs.find((d) => d.kind === 'HorizontalPodAutoscaler')!;
    expect(hpa.spec).toMatchObject({ scaleTargetRef: { kind: 'Deployment', name }, minReplicas: 2 });
    expect(docs.find((d) => d.kind === 'PodDisruptionBudget')!.spec).toEqual({ maxUnavailable: 1, selector: { matchLabels: { 'app.kubernetes.io/name': name } } });
  });

  it('gives the gateway alone an Ingress and its own settings: rate limit 600 a minute, no CORS origin, one trusted proxy', () => {
    for (const service of services) {
      const ingresses = docsOf(service.name).filter((d) => d.kind === 'Ingress');
      expect({ name: service.name, ingresses: ingresses.length }).toEqual({ name: service.name, ingresses: service.name === 'gateway' ? 1 : 0 });
    }
    const config = docsOf('gateway').find((d) => d.kind === 'ConfigMap')!;
    expect(config.data).toEqual({ RATE_LIMIT_PER_MINUTE: '600', CORS_ORIGINS: '', TRUST_PROXY_HOPS: '1' });
  });

  it('gives audit-ledger the signers registry, and no other service', () => {
    for (const service of services) {
      const text = serviceYaml(service, services);
      expect({ name: service.name, signers: text.includes('name: audit-signers') }).toEqual({ name: service.name, signers: service.name === 'audit-ledger' });
    }
  });
});
