import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import draft07 from 'ajv/dist/refs/json-schema-draft-07.json';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadServiceRegistry, serviceUrlVariable, type ServiceEntry } from '../../apps/gateway/src/registry';
import { DEV_DEFAULTS } from '../../libs/service-kit/src/config/dev-defaults';
import { REPO_ROOT } from '../platform/repo-root';
import { composeFileYaml } from './compose-file';
import schema from './compose-spec.schema.json';

interface Container {
  image: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}
interface ComposeFile {
  services: Record<string, Container>;
  volumes: Record<string, unknown>;
}

const COMPOSE_FILE = join(REPO_ROOT, 'docker-compose.yml');
const services = loadServiceRegistry();
const text = readFileSync(COMPOSE_FILE, 'utf8');
// YAML 1.1 as Debian's docker-compose 1.29 reads it (a bare `no` would be false there).
const compose = parse(text, { version: '1.1' }) as ComposeFile;

function composeSchemaValidator() {
  // The schema unions types (`type: [boolean, string]`), which ajv's strict mode refuses.
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  // Its $schema names draft-07 by https; ajv registers it by http.
  ajv.addMetaSchema({ ...draft07, $id: 'https://json-schema.org/draft-07/schema' });
  return ajv.compile(schema);
}

const usesKafka = (s: ServiceEntry) => s.topics.publishes.length + s.topics.consumes.length > 0;
const envOf = (name: string): Record<string, string> => compose.services[name]?.environment ?? {};
/** The compose variable of a `${NAME:-default}` value. */
const variableOf = (value: string | undefined): string | undefined => value?.match(/\$\{([A-Z0-9_]+):-/)?.[1];

describe('docker-compose.yml', () => {
  it('is what services.json implies (regenerate with npm run compose:generate)', () => {
    expect(text).toBe(composeFileYaml(services));
  });

  it("is valid against the compose specification's JSON schema (a misspelt key fails)", () => {
    const validate = composeSchemaValidator();
    expect(validate(compose) ? [] : validate.errors).toEqual([]);
    const misspelt = structuredClone(compose) as unknown as { services: Record<string, Record<string, unknown>> };
    misspelt.services.gateway.helthcheck = misspelt.services.gateway.healthcheck;
    expect(validate(misspelt)).toBe(false);
    expect(validate.errors?.map((e) => [e.instancePath, e.message])).toContainEqual(['/services/gateway', 'must NOT have additional properties']);
  });

  it('has no top-level name (docker-compose 1.29 refuses it) and names only containers and volumes it declares', () => {
    expect(Object.keys(compose).sort()).toEqual(['services', 'volumes']);
    const used = new Set<string>();
    for (const [name, container] of Object.entries(compose.services)) {
      for (const needed of Object.keys(container.depends_on ?? {})) expect([name, needed, needed in compose.services]).toEqual([name, needed, true]);
      for (const volume of container.volumes ?? []) {
        const source = volume.split(':')[0];
        expect([name, source, source in compose.volumes]).toEqual([name, source, true]);
        used.add(source);
      }
    }
    expect([...used].sort()).toEqual(Object.keys(compose.volumes).sort());
  });

  it('leaves compose only ${NAME} / ${NAME:-default} to interpolate: every shell $ is escaped as $$', () => {
    const unescaped = text.replace(/\$\$/g, '').match(/\$(?!\{[A-Z][A-Z0-9_]*(:-[^}$]*)?\})./g) ?? [];
    expect(unescaped).toEqual([]);
  });

  it('runs every service of services.json from the one image, APP its name, on its own port, ready on /health/ready', () => {
    const image = compose.services.migrate.image;
    for (const service of services) {
      const container = compose.services[service.name];
      expect(container).toBeDefined();
      expect([service.name, container.image, container.command]).toEqual([service.name, image, ['node', '-r', '@swc-node/register', 'scripts/platform/run-app.ts']]);
      expect(envOf(service.name)).toMatchObject({ APP: service.name, PORT: String(service.port), NODE_ENV: 'development' });
      expect(container.healthcheck?.test.join(' ')).toContain(`http://127.0.0.1:${service.port}/health/ready`);
    }
  });

  it('publishes the gateway port only, and gives the gateway the compose URL of every other service', () => {
    const published = Object.entries(compose.services).filter(([, c]) => c.ports).map(([name, c]) => [name, c.ports]);
    expect(published).toEqual([['gateway', ['3000:3000']]]);
    const gateway = envOf('gateway');
    for (const other of services.filter((s) => s.name !== 'gateway')) {
      expect(gateway[serviceUrlVariable(other.name)]).toBe(`http://${other.name}:${other.port}`);
    }
  });

  it("gives each service its own Kafka principal, with the password kafka-users sets, after kafka-setup's topics and ACLs", () => {
    const users = envOf('kafka-users');
    const script = compose.services['kafka-users'].command!.join(' ');
    for (const service of services) {
      const env = envOf(service.name);
      if (!usesKafka(service)) {
        expect([service.name, env.KAFKA_USERNAME, env.KAFKA_PASSWORD, env.KAFKA_BROKERS]).toEqual([service.name, undefined, undefined, undefined]);
        continue;
      }
      expect(env).toMatchObject({ KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_USERNAME: service.name, KAFKA_BROKERS: 'kafka:9092' });
      const variable = variableOf(env.KAFKA_PASSWORD)!;
      expect(users[variable]).toBe(env.KAFKA_PASSWORD);
      expect(script).toContain(`--entity-name ${service.name} --add-config "SCRAM-SHA-512=[iterations=4096,password=$\${${variable}}]"`);
      expect(compose.services[service.name].depends_on?.['kafka-setup']).toEqual({ condition: 'service_completed_successfully' });
    }
  });

  it("connects each service with a schema as its own runtime role, with the password database-passwords gives that role, after migrate", () => {
    const passwords = envOf('database-passwords');
    const sql = compose.services['database-passwords'].command!.join(' ');
    for (const service of services) {
      const url = envOf(service.name).DATABASE_URL;
      if (!service.schema) {
        expect([service.name, url]).toEqual([service.name, undefined]);
        continue;
      }
      const parsed = url.match(/^postgres:\/\/([a-z_]+):(\$\{[^}]+\})@postgres:5432\/connected_health$/);
      expect([service.name, parsed?.[1]]).toEqual([service.name, service.schema]);
      const variable = variableOf(parsed![2])!;
      expect(passwords[variable]).toBe(parsed![2]);
      expect(sql).toContain(`ALTER ROLE ${service.schema} PASSWORD :'pw_${service.schema}'`);
      expect(compose.services[service.name].depends_on?.migrate).toEqual({ condition: 'service_completed_successfully' });
    }
    // Only migrate connects as the superuser.
    const superuser = Object.entries(compose.services).filter(([, c]) => c.environment?.DATABASE_URL?.startsWith('postgres://postgres:')).map(([n]) => n);
    expect(superuser).toEqual(['migrate']);
  });

  it('gives the patient master keys to the holders only, the text key where dataKeys says, the pseudonym secret to prescription', () => {
    for (const service of services) {
      const env = envOf(service.name);
      const holds = (name: string) => name in env;
      expect([service.name, 'PATIENT_MASTER_KEYS', holds('PATIENT_MASTER_KEYS')]).toEqual([service.name, 'PATIENT_MASTER_KEYS', service.patientKeys === 'holder']);
      expect([service.name, 'TEXT_ENCRYPTION_KEY', holds('TEXT_ENCRYPTION_KEY')]).toEqual([service.name, 'TEXT_ENCRYPTION_KEY', (service.dataKeys ?? []).includes('TEXT_ENCRYPTION_KEY')]);
      expect([service.name, 'ANSWER_ENCRYPTION_KEY', holds('ANSWER_ENCRYPTION_KEY')]).toEqual([service.name, 'ANSWER_ENCRYPTION_KEY', service.schema !== undefined]);
      expect([service.name, 'PSEUDONYM_SECRET', holds('PSEUDONYM_SECRET')]).toEqual([service.name, 'PSEUDONYM_SECRET', service.name === 'prescription']);
    }
  });

  it("mounts each audit writer's own signing key file, and the ledger's signers, from volumes no other service mounts", () => {
    const mounts = new Map<string, string[]>();
    for (const [name, container] of Object.entries(compose.services)) {
      for (const volume of container.volumes ?? []) mounts.set(volume.split(':')[0], [...(mounts.get(volume.split(':')[0]) ?? []), name]);
    }
    for (const service of services) {
      const env = envOf(service.name);
      const writes = service.topics.publishes.includes('audit.entries.v1');
      const reads = service.topics.consumes.includes('audit.entries.v1');
      expect([service.name, env.AUDIT_SIGNING_KEY_FILE !== undefined, env.AUDIT_SIGNERS_FILE !== undefined]).toEqual([service.name, writes, reads]);
      expect(env.AUDIT_SIGNING_KEY).toBeUndefined();
      if (!writes && !reads) continue;
      expect(compose.services[service.name].volumes).toContain(`keys-${service.name}:/run/connected-health/keys:ro`);
      expect(mounts.get(`keys-${service.name}`)).toEqual(['signing-keys', service.name]);
    }
  });

  it('runs Redis append-only, so that BullMQ jobs survive a restart', () => {
    expect(compose.services.redis.command).toEqual(expect.arrayContaining(['--appendonly', 'yes']));
    expect(compose.services.redis.volumes).toEqual(['redis-data:/data']);
  });

  it('defaults every secret to a value that says dev-only or that production refuses (the development keys)', () => {
    const refusedInProduction = new Set<string>([
      DEV_DEFAULTS.jwtSecret,
      DEV_DEFAULTS.pseudonymSecret,
      DEV_DEFAULTS.answerEncryptionKey,
      DEV_DEFAULTS.patientMasterKeys,
      DEV_DEFAULTS.textEncryptionKey,
    ]);
    const defaults = [...text.matchAll(/\$\{([A-Z0-9_]+):-([^}]+)\}/g)].map(([, variable, value]) => ({ variable, value }));
    expect(defaults.length).toBeGreaterThan(10);
    const neither = defaults.filter(({ value }) => !value.startsWith('dev-only-') && !refusedInProduction.has(value));
    expect(neither).toEqual([]);
  });
});
