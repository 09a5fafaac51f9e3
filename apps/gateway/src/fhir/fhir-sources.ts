import { FHIR_BASE_PATH } from '@app/fhir';
import { type ServiceEntry, serviceUrl } from '../registry';

/** A service serving FHIR views: where it says what it serves, and the resource types services.json routes to it. */
export interface FhirSource {
  service: string;
  /** Its base URL (`http://127.0.0.1:3003`). */
  url: string;
  capabilitiesPath: string;
  /** The types of its `/fhir/R4/<type>` prefixes. */
  routedTypes: string[];
}

/** Every service of services.json that declares `fhir`, in the file's order. */
export function fhirSources(services: readonly ServiceEntry[], env: NodeJS.ProcessEnv = process.env): FhirSource[] {
  const prefix = `${FHIR_BASE_PATH}/`;
  return services.flatMap((service) =>
    service.fhir
      ? [{
          service: service.name,
          url: serviceUrl(service, env),
          capabilitiesPath: service.fhir,
          routedTypes: service.prefixes.filter((p) => p.startsWith(prefix)).map((p) => p.slice(prefix.length)),
        }]
      : [],
  );
}
