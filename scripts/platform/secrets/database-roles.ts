import { databaseUrlAs, serviceRoles } from '@app/service-kit';
import { databaseUrl } from '../../infra/postgres-redis';
import type { ServiceEnvContributor } from '../service-env';

/**
 * Each service connects as its own runtime role (`<schema>`, created by
 * migrateServices), never as the superuser of `npm start`. No password:
 * local Postgres trusts 127.0.0.1. A service without a schema (the gateway)
 * gets an empty DATABASE_URL, which its configuration reads as unset: it
 * holds no database credentials at all.
 */
export const databaseRoles: ServiceEnvContributor = (service) => ({
  DATABASE_URL: service.schema ? databaseUrlAs(databaseUrl(), serviceRoles(service.schema).runtime) : '',
});
