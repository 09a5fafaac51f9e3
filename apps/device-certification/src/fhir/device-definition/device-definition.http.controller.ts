import { CurrentPrincipal, type Principal } from '@app/auth';
import { parseFhirSearch, type SearchLocation } from '@app/fhir';
import { FhirController, FhirSearchLocation } from '@app/service-kit';
import type { Bundle, DeviceDefinition } from '@medplum/fhirtypes';
import { Get, Param, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { DEVICE_DEFINITION_CAPABILITY } from './device-definition.capability';
import { ReadDeviceDefinitionQuery } from './read-device-definition.query';
import { SearchDeviceDefinitionQuery } from './search-device-definition.query';

/** Any authenticated caller, as GET /v1/devices and /v1/devices/:id: what each sees is the visibility rule's business. */
@FhirController('DeviceDefinition')
export class DeviceDefinitionHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  search(
    @QueryParams() query: Record<string, unknown>,
    @FhirSearchLocation('DeviceDefinition') location: SearchLocation,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<Bundle> {
    return this.queries.execute(new SearchDeviceDefinitionQuery(parseFhirSearch(query, DEVICE_DEFINITION_CAPABILITY), location, viewer));
  }

  @Get(':id')
  read(@Param('id') id: string, @CurrentPrincipal() viewer: Principal): Promise<DeviceDefinition> {
    return this.queries.execute(new ReadDeviceDefinitionQuery(id, viewer));
  }
}
