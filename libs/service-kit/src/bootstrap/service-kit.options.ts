import type { ServiceConfigOptions } from '../config/service-config.module';
import type { EntityClass, MigrationClass } from '../database/postgres-options';
import type { ReadinessOptions } from '../observability/health/readiness-options';

export interface ServiceKitOptions extends ServiceConfigOptions {
  /** The service's Postgres schema; without it the service has no database (e.g. the gateway). */
  schema?: string;
  migrations?: MigrationClass[];
  entities?: EntityClass[];
  /** What `/health/ready` checks; default: Postgres when there is a schema. */
  readiness?: ReadinessOptions;
  /** `Idempotency-Key` support on writes; default: on when there is a schema (it needs its table). */
  idempotency?: boolean;
}
