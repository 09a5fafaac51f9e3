import type { EventTypeRegistry } from '@app/event-sourcing';
import type { FhirResourceCapability } from '@app/fhir';
import type { DestinationStream } from 'pino';
import type { ServiceConfigOptions } from '../config/service-config.module';
import type { PlatformConfig } from '../config/platform-config.schema';
import type { EntityClass, MigrationClass } from '../database/postgres-options';
import type { ServiceJobs } from '../jobs/service-jobs';
import type { ReadinessOptions } from '../observability/health/readiness-options';
import type { PatientKeyRight } from '../patient-keys/patient-key-rights';

export interface ServiceKitOptions extends ServiceConfigOptions {
  /** The service's Postgres schema; without it the service has no database (e.g. the gateway). */
  schema?: string;
  migrations?: MigrationClass[];
  entities?: EntityClass[];
  /** What `/health/ready` checks; default: what the service uses (Postgres with a schema, Kafka with messaging, Redis with jobs). */
  readiness?: ReadinessOptions;
  /** `Idempotency-Key` support on writes; default: on when there is a schema (it needs its table). */
  idempotency?: boolean;
  /** The JWT and roles guards, from the platform configuration; default on. */
  auth?: boolean;
  /** The event store and the command pipeline (with the outbox relay and the Kafka consumers). */
  eventSourced?: boolean;
  /** The upcasters of the service's event types (stored events are read back in their latest schema); default none. */
  eventTypes?: EventTypeRegistry;
  /** The outbox relay and the Kafka consumers alone, for a service without an event store. */
  messaging?: boolean;
  /**
   * Patients' data keys (libs/service-kit/src/patient-keys): `holder` provides PATIENT_KEYRING
   * (and requires PATIENT_MASTER_KEYS in production), `eraser` provides PATIENT_KEY_ERASER.
   * Must match the service's `patientKeys` in services.json, which grants its role the functions. Needs a schema.
   */
  patientKeys?: PatientKeyRight;
  /** The schema of the patient keys; default `patient_keys` (a test migrates its own). */
  patientKeysSchema?: string;
  /**
   * SERVICE_TEXT_SEALER: the service keeps free text about no patient under
   * its own TEXT_ENCRYPTION_KEY (required in production; declare it in the
   * service's services.json `dataKeys`).
   */
  serviceTexts?: boolean;
  /**
   * `POST /internal/audit-disclosures`: the texts of its audit entries, to
   * those allowed to read them (needs `eventSourced`; declare
   * `"disclosures": "/internal/audit-disclosures"` in services.json so the
   * gateway adds them to dossiers).
   */
  auditDisclosures?: boolean;
  /**
   * The FHIR resource types the service serves (its `/fhir/R4/<type>`
   * controllers parse searches with these): mounts `GET
   * /internal/fhir/capabilities`; declare `"fhir":
   * "/internal/fhir/capabilities"` and the `/fhir/R4/<type>` prefixes in
   * services.json, so the gateway routes them and lists them in `metadata`.
   */
  fhir?: readonly FhirResourceCapability[];
  /** The service's jobs, from their one declaration. */
  jobs?: ServiceJobs;
  /** BullMQ key prefix; default `bull:<name>`. */
  queuePrefix?: string;
  /** Where the JSON logs go; default stdout. */
  logDestination?: DestinationStream;
}

/** What a test changes of a service: its configuration, a fresh schema, its own queues. */
export interface ServiceOverrides {
  config?: PlatformConfig;
  schema?: string;
  queuePrefix?: string;
  /** A test's own patient keys schema (libs/testing createTestPatientKeys). */
  patientKeysSchema?: string;
  /** A test reads what the service logged. */
  logDestination?: DestinationStream;
}

/** Who a service is on the platform: services.json gives each the same name, port and schema. */
export interface ServiceIdentity {
  name: string;
  defaultPort: number;
  schema: string;
  /** Its `patientKeys` of services.json, when it has one. */
  patientKeys?: PatientKeyRight;
}
