import { join } from 'node:path';
import { REPO_ROOT } from '../platform/repo-root';
import { isStrimzi, kubernetesProblems, manifestDocuments } from './kubernetes-schema';

const STRIMZI_KINDS = ['Kafka', 'KafkaNodePool', 'KafkaTopic', 'KafkaUser'];

/** Every document of k8s/ against the Kubernetes schemas (kubernetes-models); Strimzi's kinds go to strimzi-check.int-spec.ts. */
describe('k8s/ against the Kubernetes schemas', () => {
  const documents = manifestDocuments(join(REPO_ROOT, 'k8s'));
  const kubernetes = documents.filter((d) => !isStrimzi(d.manifest));

  it('finds the manifests of every kind the platform deploys', () => {
    const kinds = new Set(kubernetes.map((d) => d.manifest.kind));
    for (const kind of ['Namespace', 'ConfigMap', 'Secret', 'Deployment', 'Service', 'Ingress', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'NetworkPolicy', 'Job', 'CronJob']) {
      expect({ kind, found: kinds.has(kind) }).toEqual({ kind, found: true });
    }
  });

  it.each(kubernetes.map((d) => [`${d.where} ${String(d.manifest.kind)}/${d.manifest.metadata?.name}`, d.manifest] as const))('%s is valid', (_where, manifest) => {
    expect(kubernetesProblems(manifest)).toEqual([]);
  });

  it('leaves to the Strimzi check only the Strimzi kinds it knows', () => {
    const strimzi = documents.filter((d) => isStrimzi(d.manifest));
    expect(strimzi.length).toBeGreaterThan(0);
    expect(strimzi.filter((d) => !STRIMZI_KINDS.includes(String(d.manifest.kind))).map((d) => d.where)).toEqual([]);
  });

  describe('refuses what the API server would refuse or silently drop', () => {
    const deployment = (container: Record<string, unknown>, metadata: Record<string, unknown> = { name: 'x' }) => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata,
      spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'app', image: 'i', ...container }] } } },
    });

    it('accepts a well formed Deployment, labels and all', () => {
      expect(kubernetesProblems(deployment({ ports: [{ containerPort: 3000 }] }, { name: 'x', labels: { any: 'label' } }))).toEqual([]);
    });

    it('names an unknown field, however deep', () => {
      expect(kubernetesProblems(deployment({ readinesProbe: { httpGet: { path: '/', port: 80 } } }))).toEqual([
        '.spec.template.spec.containers[0].readinesProbe is not a field of Deployment (apps/v1)',
      ]);
      expect(kubernetesProblems(deployment({}, { name: 'x', label: {} }))).toEqual(['.metadata.label is not a field of Deployment (apps/v1)']);
    });

    it('names a field of the wrong type and a missing required field', () => {
      expect(kubernetesProblems(deployment({ ports: [{ containerPort: 'http' }] }))).toEqual(['/spec/template/spec/containers/0/ports/0/containerPort must be integer']);
      expect(kubernetesProblems({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'x' }, spec: { ports: [{ name: 'http' }] } })).toEqual([
        '/spec/ports/0 must have required property port',
      ]);
    });

    it('fails an unknown kind or API version rather than skipping it', () => {
      expect(kubernetesProblems({ apiVersion: 'apps/v1', kind: 'Deploymnt', metadata: { name: 'x' } })).toEqual(['kind Deploymnt is not a kind of apps/v1']);
      expect(kubernetesProblems({ apiVersion: 'autoscaling/v3', kind: 'HorizontalPodAutoscaler' })[0]).toContain('autoscaling/v3 is not one Kubernetes serves');
      expect(kubernetesProblems({ kind: 'ConfigMap' })).toEqual(['apiVersion and kind are required strings']);
    });
  });
});
