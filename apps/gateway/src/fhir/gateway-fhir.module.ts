import { type DynamicModule, Module } from '@nestjs/common';
import type { ServiceEntry } from '../registry';
import { fhirSources } from './fhir-sources';
import { FHIR_SOURCES, FHIR_UPSTREAM_TIMEOUT_MS, FhirUpstreams } from './fhir-upstreams';
import { MetadataHttpController } from './metadata.http.controller';
import { PatientEverythingComposer } from './patient-everything.composer';
import { PatientEverythingHttpController } from './patient-everything.http.controller';

/**
 * The FHIR answers the gateway composes (`metadata`, `Patient/:pseudonym/$everything`);
 * every other `/fhir/R4/<type>` is proxied to the service services.json routes it to.
 */
@Module({})
export class GatewayFhirModule {
  static forRoot(services: readonly ServiceEntry[], env: NodeJS.ProcessEnv, timeoutMs: number): DynamicModule {
    return {
      module: GatewayFhirModule,
      controllers: [MetadataHttpController, PatientEverythingHttpController],
      providers: [
        { provide: FHIR_SOURCES, useValue: fhirSources(services, env) },
        { provide: FHIR_UPSTREAM_TIMEOUT_MS, useValue: timeoutMs },
        FhirUpstreams,
        PatientEverythingComposer,
      ],
    };
  }
}
