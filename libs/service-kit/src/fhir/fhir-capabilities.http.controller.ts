import { Public } from '@app/auth';
import type { FhirResourceCapability } from '@app/fhir';
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';

/** Where services.json's `fhir` points: what the service serves of FHIR. */
export const FHIR_CAPABILITIES_PATH = '/internal/fhir/capabilities';

export const FHIR_CAPABILITIES = Symbol('FHIR_CAPABILITIES');

/**
 * `GET /internal/fhir/capabilities` -> `{ resources: [FhirResourceCapability] }`:
 * the declarations the service's FHIR controllers parse searches with. The
 * gateway composes `/fhir/R4/metadata` from every service's answer, so the
 * CapabilityStatement cannot list what no service serves. Public, as
 * `metadata` is: it says what is served, never what is held.
 */
@ApiExcludeController()
@Public()
@Controller(FHIR_CAPABILITIES_PATH.slice(1))
export class FhirCapabilitiesHttpController {
  constructor(@Inject(FHIR_CAPABILITIES) private readonly resources: readonly FhirResourceCapability[]) {}

  @Get()
  capabilities(): { resources: readonly FhirResourceCapability[] } {
    return { resources: this.resources };
  }
}
