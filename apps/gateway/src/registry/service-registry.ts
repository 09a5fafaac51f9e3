import { PATIENT_KEY_RIGHTS, PATIENT_KEYS_SCHEMA, type PatientKeyRight } from '@app/service-kit/patient-keys/patient-key-rights';
import { DECLARED_DATA_KEYS } from '@app/service-kit/config/data-keys';
import { z } from 'zod';
import { repeatedTopic, serviceTopicsSchema } from './service-topics';

/**
 * services.json: THE list of the platform's services. The gateway routes their
 * prefixes, `npm start` migrates them, creates their Kafka topics and starts
 * them, compose and k8s mirror them.
 * A service joins the platform by adding an entry here and nothing else.
 */
// Strict: a misspelt key (`migration`) must fail loudly, not be ignored.
const serviceEntry = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be kebab-case'),
  port: z.number().int().min(1).max(65535),
  entry: z.string().min(1),
  /** API.md paths it serves: `/v1/...` prefixes, and `/fhir/R4/<ResourceType>` for each FHIR resource type (then `fhir` is declared). */
  prefixes: z.array(
    z.string().regex(/^(\/v1(\/[a-z0-9-]+)+|\/fhir\/R4\/[A-Z][A-Za-z]+)$/, 'must look like /v1/devices or /fhir/R4/DeviceDefinition'),
  ),
  schema: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/, 'must be a lowercase SQL identifier')
    .optional(),
  migrations: z
    .string()
    .regex(/^[^#]+#[A-Za-z_$][\w$]*$/, 'must be <module path>#<export name>')
    .optional(),
  /**
   * What its database role may do with patients' data keys (schema patient_keys, README "Patient keys"):
   * `holder` (it keeps personal data under them: it reads its patients' keys and issues a first one) or
   * `eraser` (it destroys them: the patients service). `npm run migrate` grants exactly these.
   */
  patientKeys: z
    .enum(['holder', 'eraser'] as const satisfies readonly PatientKeyRight[], { error: `must be one of ${PATIENT_KEY_RIGHTS.join(', ')}` })
    .optional(),
  // Required, even as two empty lists: a service that forgets it must not start with no topics (nor, later, no ACLs).
  topics: serviceTopicsSchema,
  /**
   * Where it answers what it holds about the patient of the caller's token (the gateway composes
   * GET /v1/patients/me/export from every such part). Internal: the gateway never routes /internal.
   */
  patientExport: z
    .string()
    .regex(/^\/internal(\/[a-z0-9-]+)+$/, 'must be an internal path such as /internal/patient-export')
    .optional(),
  /**
   * Where the service answers `POST { entryIds }` with the free texts of its
   * audit entries (`/internal/audit-disclosures`, mounted by service-kit's
   * `auditDisclosures`): the gateway asks it for the disclosures of every
   * dossier holding entries it wrote. Absent: it keeps no text for disclosure.
   */
  disclosures: z
    .string()
    .regex(/^\/internal(\/[a-z0-9-]+)+$/, 'must look like /internal/audit-disclosures')
    .optional(),
  /**
   * The data keys its code asks for that nothing else in its entry implies
   * (TEXT_ENCRYPTION_KEY: it seals free text under its own text key): its
   * Secret carries them (k8s/secret.template.yaml), and no other service's does.
   */
  dataKeys: z.array(z.enum(DECLARED_DATA_KEYS)).optional(),
  /**
   * Where it says which FHIR resource types and search parameters it serves
   * (`/internal/fhir/capabilities`, mounted by service-kit's `fhir`): the
   * gateway composes `/fhir/R4/metadata` from every such answer.
   */
  fhir: z
    .string()
    .regex(/^\/internal(\/[a-z0-9-]+)+$/, 'must look like /internal/fhir/capabilities')
    .optional(),
});

const registryFile = z.strictObject({ $comment: z.string().optional(), services: z.array(serviceEntry).min(1) });

export type ServiceEntry = z.infer<typeof serviceEntry>;

export class ServiceRegistryError extends Error {
  override name = 'ServiceRegistryError';
}

/** Validates the parsed services.json; a bad entry names itself and its field. */
export function parseServiceRegistry(raw: unknown, source = 'services.json'): ServiceEntry[] {
  const parsed = registryFile.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${where(issue.path, raw)} ${issue.message}`);
    throw new ServiceRegistryError(`Invalid ${source}: ${problems.join('; ')}`);
  }
  const services = parsed.data.services;
  assertUnique(services.map((s) => s.name), 'service name', source);
  assertUnique(services.map((s) => String(s.port)), 'port', source);
  assertUnique(services.flatMap((s) => s.prefixes), 'prefix', source);
  for (const service of services) {
    if (service.migrations && !service.schema) {
      throw new ServiceRegistryError(`Invalid ${source}: ${service.name} has migrations but no schema`);
    }
    if (service.patientKeys && !service.schema) {
      throw new ServiceRegistryError(`Invalid ${source}: ${service.name} has patientKeys but no schema (its role is granted them)`);
    }
    if (service.schema === PATIENT_KEYS_SCHEMA) {
      throw new ServiceRegistryError(`Invalid ${source}: ${service.name} cannot use schema ${PATIENT_KEYS_SCHEMA}: it holds the patient keys, no service's rows`);
    }
    const servesFhir = service.prefixes.some((prefix) => prefix.startsWith('/fhir/'));
    if (servesFhir !== (service.fhir !== undefined)) {
      throw new ServiceRegistryError(`Invalid ${source}: ${service.name} must declare fhir exactly when a prefix is /fhir/R4/<type> (metadata lists what it serves)`);
    }
    const repeated = repeatedTopic(service.topics);
    if (repeated) {
      throw new ServiceRegistryError(`Invalid ${source}: ${service.name} lists ${repeated.topic} twice in topics.${repeated.list}`);
    }
  }
  return services;
}

/** `services.2.topics (audit-ledger)`: the index alone sends the reader counting entries. */
function where(path: PropertyKey[], raw: unknown): string {
  if (path.length === 0) return '(root)';
  const dotted = path.map(String).join('.');
  const name = path[0] === 'services' ? (raw as { services?: Array<{ name?: unknown }> } | null)?.services?.[Number(path[1])]?.name : undefined;
  return typeof name === 'string' ? `${dotted} (${name})` : dotted;
}

function assertUnique(values: string[], what: string, source: string): void {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) throw new ServiceRegistryError(`Invalid ${source}: ${what} ${value} appears twice`);
    seen.add(value);
  }
}
