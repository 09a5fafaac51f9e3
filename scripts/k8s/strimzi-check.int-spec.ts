import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../platform/repo-root';
import { isStrimzi, manifestDocuments } from './kubernetes-schema';

const run = promisify(execFile);
const PROJECT = join(REPO_ROOT, 'scripts/k8s/strimzi-check');
/** The first run downloads io.strimzi:api and Maven's plugins into ~/.m2; later runs find them there. */
const MAVEN_TIMEOUT_MS = 480_000;
const CHECK_TIMEOUT_MS = 60_000;

interface Outcome {
  code: number;
  output: string;
}

/** The Strimzi resources of k8s/ against Strimzi's own model (io.strimzi:api), through a small Java program. */
describe('k8s/ Strimzi resources against Strimzi’s model', () => {
  let classpath = '';
  const check = async (files: string[]): Promise<Outcome> => {
    try {
      const { stdout } = await run('java', ['-XX:TieredStopAtLevel=1', '-cp', classpath, 'health.connected.strimzi.StrimziCheck', ...files], { timeout: CHECK_TIMEOUT_MS });
      return { code: 0, output: stdout };
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      return { code: typeof failed.code === 'number' ? failed.code : -1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
    }
  };

  beforeAll(async () => {
    // Compiles the checker and writes its dependencies' classpath; then each check is one plain `java` run.
    await run('mvn', ['-q', '-B', '--no-transfer-progress', '-f', join(PROJECT, 'pom.xml'), 'compile', 'dependency:build-classpath', '-Dmdep.outputFile=target/classpath.txt'], {
      timeout: MAVEN_TIMEOUT_MS,
      maxBuffer: 16 * 1024 * 1024,
    });
    const jars = readFileSync(join(PROJECT, 'target/classpath.txt'), 'utf8').trim().split(':');
    // crd-generator is a shaded jar (old Jackson, fabric8, SLF4J inside): last, so it lends only the annotations nothing else has.
    const last = (jar: string) => (jar.includes('/crd-generator/') ? 1 : 0);
    classpath = [join(PROJECT, 'target/classes'), ...jars.sort((a, b) => last(a) - last(b))].join(':');
  }, MAVEN_TIMEOUT_MS + 10_000);

  it('accepts every Strimzi resource of k8s/, each one checked', async () => {
    const documents = manifestDocuments(join(REPO_ROOT, 'k8s')).filter((d) => isStrimzi(d.manifest));
    const files = [...new Set(documents.map((d) => d.where.split('#')[0]))].map((file) => join('k8s', file));
    const outcome = await check(files);
    expect(outcome).toMatchObject({ code: 0 });
    expect(outcome.output).toContain(`strimzi-check: ${documents.length} Strimzi resources checked, 0 errors`);
    expect(outcome.output.split('\n').filter((line) => line.startsWith('ok ')).length).toBe(documents.length);
  });

  describe('on deliberately wrong resources', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'strimzi-check-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    const write = (name: string, text: string): string => {
      const file = join(dir, name);
      writeFileSync(file, text);
      return file;
    };
    const cluster = `apiVersion: kafka.strimzi.io/v1
kind: KafkaNodePool
metadata: { name: pool, namespace: kafka, labels: { strimzi.io/cluster: c } }
spec: { replicas: 3, roles: [controller, broker], storage: { type: ephemeral } }
---
apiVersion: kafka.strimzi.io/v1
kind: Kafka
metadata: { name: c, namespace: kafka }
spec:
  kafka:
    listeners: [{ name: plain, port: 9092, type: internal, tls: false, authentication: { type: scram-sha-512 } }]
    authorization: { type: simple }
`;
    const topic = (spec: string) => `apiVersion: kafka.strimzi.io/v1
kind: KafkaTopic
metadata: { name: t, namespace: kafka, labels: { strimzi.io/cluster: c } }
spec: ${spec}
`;

    it('accepts the well formed reference the wrong ones are made from', async () => {
      const outcome = await check([write('good.yaml', `${cluster}---\n${topic('{ partitions: 6, replicas: 3, config: { min.insync.replicas: 2 } }')}`)]);
      expect(outcome.output).toContain('3 Strimzi resources checked, 0 errors');
      expect(outcome.code).toBe(0);
    });

    it('fails on an unknown property, naming it', async () => {
      const outcome = await check([write('unknown.yaml', `${cluster}---\n${topic('{ partitions: 6, replicas: 3, replicationFactor: 3 }')}`)]);
      expect(outcome.code).toBe(1);
      expect(outcome.output).toContain('KafkaTopic/t: spec: unknown properties [replicationFactor]');
    });

    it('fails on a wrong type, an unknown authorization type, a bound the model sets, a missing required field', async () => {
      const wrong = cluster.replace('type: simple', 'type: simpel').replace('replicas: 3, roles: [controller, broker], storage: { type: ephemeral }', 'replicas: -1, roles: [controller, broker]');
      const outcome = await check([write('wrong.yaml', `${wrong}---\n${topic('{ partitions: six, replicas: 3 }')}`)]);
      expect(outcome.code).toBe(1);
      expect(outcome.output).toContain("Kafka/c: not a valid Kafka: Could not resolve type id 'simpel'");
      expect(outcome.output).toContain('KafkaNodePool/pool: spec.replicas: must be >= 0');
      expect(outcome.output).toContain('KafkaNodePool/pool: spec.storage: is required');
      expect(outcome.output).toContain('KafkaTopic/t: not a valid KafkaTopic: Cannot deserialize value of type `java.lang.Integer` from String "six"');
    });

    it('fails on a field of another API version, and on a topic with more replicas than its cluster has brokers', async () => {
      const old = cluster.replace('authorization: { type: simple }', 'authorization: { type: simple }\n    replicas: 3');
      const outcome = await check([write('versions.yaml', `${old}---\n${topic('{ partitions: 6, replicas: 4 }')}`)]);
      expect(outcome.code).toBe(1);
      expect(outcome.output).toContain('Kafka/c: spec.kafka.replicas: is not a field of v1 (only v1beta2)');
      expect(outcome.output).toContain('KafkaTopic/t: spec.replicas 4 exceeds the 3 brokers of c');
    });

    it('fails on a Strimzi kind it does not know, a served-nowhere version and a resource of no cluster', async () => {
      const outcome = await check([
        write(
          'kinds.yaml',
          `apiVersion: kafka.strimzi.io/v1\nkind: KafkaBridge\nmetadata: { name: b, namespace: kafka }\nspec: {}\n---\napiVersion: kafka.strimzi.io/v9\nkind: KafkaTopic\nmetadata: { name: t, namespace: kafka }\nspec: {}\n---\n${topic('{ partitions: 1, replicas: 1 }').replace('strimzi.io/cluster: c', 'strimzi.io/cluster: nowhere')}`,
        ),
      ]);
      expect(outcome.code).toBe(1);
      expect(outcome.output).toContain('KafkaBridge is not a kind this check knows');
      expect(outcome.output).toContain('kafka.strimzi.io/v9 is not served');
      expect(outcome.output).toContain("label strimzi.io/cluster 'nowhere' names no Kafka of the checked files");
    });
  });
});
