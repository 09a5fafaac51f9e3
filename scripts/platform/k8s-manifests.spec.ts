import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { TOPICS } from '@app/contracts';
import { expectedSecretKeys, PATIENT_KEYS_SECRETS } from './k8s-secrets';
import { loadServiceRegistry, NO_TOPICS, serviceUrlVariable } from '../../apps/gateway/src/registry';
import { patientKeysRoles, serviceRoles } from '@app/service-kit';
import { REPO_ROOT } from './repo-root';

interface Manifest {
  kind: string;
  metadata: { name: string };
  data?: Record<string, string>;
  stringData?: Record<string, string>;
  spec?: unknown;
}

const manifests = (file: string): Manifest[] =>
  parseAllDocuments(readFileSync(join(REPO_ROOT, 'k8s', file), 'utf8')).map((document) => document.toJS() as Manifest);
const DATA_KEYS = ['PSEUDONYM_SECRET', 'ANSWER_ENCRYPTION_KEY', 'PATIENT_MASTER_KEYS', 'TEXT_ENCRYPTION_KEY'];
const SECRET_KEYS = [...DATA_KEYS, 'DATABASE_URL', 'AUDIT_SIGNING_KEY', 'LEDGER_SIGNING_KEY', 'KAFKA_PASSWORD', 'JWT_SECRET'];

/** The k8s manifests kept in line with services.json: each service its own Secret with exactly its keys. */
describe('k8s Secrets and ConfigMaps against services.json', () => {
  const services = loadServiceRegistry();
  const secrets = new Map(manifests('secret.template.yaml').map((m) => [m.metadata.name, m]));
  const configMaps = manifests('configmap.yaml');

  it.each(services.map((service) => [service.name, service] as const))('%s has its Secrets with exactly its keys', (_name, service) => {
    const expected = expectedSecretKeys(service);
    const own = secrets.get(`${service.name}-secrets`);
    if (expected.length === 0) expect(own).toBeUndefined();
    else expect(Object.keys(own?.stringData ?? {}).sort()).toEqual(expected);
    const migration = secrets.get(`${service.name}-migration`);
    if (!service.schema) {
      expect(migration).toBeUndefined();
      return;
    }
    expect(Object.keys(migration?.stringData ?? {})).toEqual(['DATABASE_URL']);
    // The app connects as its runtime role, the migration as the owner role: never the other way round.
    const roles = serviceRoles(service.schema);
    expect(new URL(own!.stringData!.DATABASE_URL).username).toBe(roles.runtime);
    expect(new URL(migration!.stringData!.DATABASE_URL).username).toBe(roles.owner);
  });

  it('has no Secret of a service services.json does not list, and no shared Secret', () => {
    const names = [...services.flatMap((s) => [`${s.name}-secrets`, `${s.name}-migration`]), ...Object.keys(PATIENT_KEYS_SECRETS)];
    expect([...secrets.keys()].filter((name) => !names.includes(name))).toEqual([]);
  });

  it('gives the gateway no Secret, no data key and no database URL', () => {
    const gateway = JSON.stringify(manifests('gateway.yaml'));
    expect(gateway).not.toContain('secretRef');
    expect(gateway).not.toContain('secretKeyRef');
    for (const key of SECRET_KEYS) expect(gateway).not.toContain(key);
  });

  it('keeps secrets out of the ConfigMaps; the audit signers there hold public keys of services that write audit entries', () => {
    for (const map of configMaps) for (const key of SECRET_KEYS) expect(Object.keys(map.data ?? {})).not.toContain(key);
    const signers = configMaps.find((m) => m.metadata.name === 'audit-signers');
    const registry = JSON.parse(signers!.data!.AUDIT_SIGNERS) as { service: string; publicKeyPem: string }[];
    const writers = services.filter((s) => s.topics.publishes.includes(TOPICS.auditEntries)).map((s) => s.name);
    expect([...new Set(registry.map((signer) => signer.service))].sort()).toEqual(writers.sort());
    expect(registry.every((signer) => !signer.publicKeyPem.includes('PRIVATE'))).toBe(true);
  });

  it('tells the gateway where each service answers (its routes and its part of a patient export)', () => {
    const platform = configMaps.find((m) => m.metadata.name === 'platform-config')!;
    for (const service of services.filter((s) => s.name !== 'gateway')) {
      expect({ [service.name]: platform.data?.[serviceUrlVariable(service.name)] }).toEqual({
        [service.name]: `http://${service.name}.connected-health.svc`,
      });
    }
  });

  it.each(services.map((service) => [service.name, service] as const))(
    '%s runs its migrations with its migration Secret, the app with its own Secret and KafkaUser password only',
    (_name, service) => {
      const deployment = manifests(`${service.name}.yaml`).find((m) => m.kind === 'Deployment') as Manifest & {
        spec: { template: { spec: { initContainers?: Array<{ envFrom: unknown[] }>; containers: Array<{ envFrom: unknown[]; env: unknown[] }> } } };
      };
      const pod = deployment.spec.template.spec;
      if (service.schema) {
        expect(pod.initContainers?.[0].envFrom).toEqual([{ configMapRef: { name: 'platform-config' } }, { secretRef: { name: `${service.name}-migration` } }]);
      } else expect(pod.initContainers).toBeUndefined();
      const app = pod.containers[0];
      const secretRefs = JSON.stringify(app).match(/"(secretRef|secretKeyRef)":\{[^}]*"name":"[^"]+"/g) ?? [];
      const named = secretRefs.map((ref) => ref.replace(/.*"name":"/, '').replace(/"$/, '')).sort();
      const expected = [
        ...(expectedSecretKeys(service).length > 0 ? [`${service.name}-secrets`] : []),
        ...(service.topics.publishes.length + service.topics.consumes.length > 0 ? [`kafka-user-${service.name}`] : []),
      ].sort();
      expect(named).toEqual(expected);
    },
  );

  describe('patient keys (k8s/patient-keys.yaml)', () => {
    interface Container {
      command: string[];
      envFrom: unknown[];
    }
    type PodSpec = { template: { spec: { containers: Container[] } } };
    const [job, rotation] = manifests('patient-keys.yaml') as [Manifest & { spec: PodSpec }, Manifest & { spec: { jobTemplate: { spec: PodSpec } } }];
    const roles = patientKeysRoles();

    it('has its own Secrets: the owner for the migration, the rotator and the master keys for rotation', () => {
      for (const [name, { keys, role }] of Object.entries(PATIENT_KEYS_SECRETS)) {
        const secret = secrets.get(name);
        expect(Object.keys(secret?.stringData ?? {}).sort()).toEqual([...keys].sort());
        expect(new URL(secret!.stringData!.DATABASE_URL).username).toBe(roles[role]);
      }
    });

    it('gives PATIENT_MASTER_KEYS to the holders of services.json and the rotator alone, never to the eraser', () => {
      const holding = [...secrets.values()].filter((m) => m.stringData && 'PATIENT_MASTER_KEYS' in m.stringData).map((m) => m.metadata.name);
      const holders = services.filter((s) => s.patientKeys === 'holder').map((s) => `${s.name}-secrets`);
      expect(holders.length).toBeGreaterThan(0);
      expect(holding.sort()).toEqual([...holders, 'patient-keys-rotator'].sort());
      const eraser = { name: 'patients', port: 1, entry: 'x', prefixes: [], schema: 'patients', topics: NO_TOPICS, patientKeys: 'eraser' as const };
      expect(expectedSecretKeys(eraser)).not.toContain('PATIENT_MASTER_KEYS');
    });

    it('migrates the schema and renews its grants in a Job of its own, as its owner, from the whole of services.json', () => {
      expect(job.kind).toBe('Job');
      const [container] = job.spec.template.spec.containers;
      expect(container.command).toEqual(['node', '-r', '@swc-node/register', 'scripts/platform/migrate.ts', '--skip-infra', '--patient-keys']);
      expect(container.envFrom).toEqual([{ configMapRef: { name: 'platform-config' } }, { secretRef: { name: 'patient-keys-migration' } }]);
    });

    it('rotates only when an operator runs it, as the rotator', () => {
      expect(rotation).toMatchObject({ kind: 'CronJob', spec: { suspend: true, concurrencyPolicy: 'Forbid' } });
      const [container] = rotation.spec.jobTemplate.spec.template.spec.containers;
      expect(container.command).toEqual(['node', '-r', '@swc-node/register', 'scripts/platform/rotate-keys.ts']);
      expect(container.envFrom).toEqual([{ configMapRef: { name: 'platform-config' } }, { secretRef: { name: 'patient-keys-rotator' } }]);
    });
  });
});
