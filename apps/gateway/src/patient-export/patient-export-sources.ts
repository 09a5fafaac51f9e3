import type { ServiceEntry } from '../registry';
import { serviceUrl } from '../registry';

/** The gateway's own route under /v1: never proxied, whatever service serves the rest of /v1/patients. */
export const PATIENT_EXPORT_PATH = '/v1/patients/me/export';

/** One service that answers what it holds about the caller: at `url`, its SERVICE_URL and its `patientExport` path. */
export interface ExportSource {
  service: string;
  url: string;
}

/** Every service of services.json that declares a `patientExport`, in the file's order (the order of the merge). */
export function exportSources(services: readonly ServiceEntry[], env: NodeJS.ProcessEnv = process.env): ExportSource[] {
  return services
    .filter((service) => service.patientExport !== undefined)
    .map((service) => ({ service: service.name, url: `${serviceUrl(service, env)}${service.patientExport}` }));
}
