import { CurrentPrincipal, type Principal, Roles } from '@app/auth';
import { parseFhirSearch, type SearchLocation } from '@app/fhir';
import { FhirController, FhirSearchLocation } from '@app/service-kit';
import type { Bundle, Device } from '@medplum/fhirtypes';
import { Get, Param, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { viewerOf } from '../../principals/enrolment-viewer';
import { DEVICE_CAPABILITY } from './device.capability';
import { ReadDeviceQuery } from './read-device.query';
import { SearchDeviceQuery } from './search-device.query';

/** `GET /fhir/R4/Device[?…]` and `/fhir/R4/Device/:id`: the roles of `GET /v1/enrolments` and `/v1/enrolments/:id`. */
@FhirController('Device')
export class DeviceHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('operator', 'physician', 'patient')
  search(
    @QueryParams() query: Record<string, unknown>,
    @FhirSearchLocation('Device') location: SearchLocation,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<Bundle> {
    return this.queries.execute(new SearchDeviceQuery(parseFhirSearch(query, DEVICE_CAPABILITY), location, viewerOf(viewer)));
  }

  @Get(':id')
  read(@Param('id') id: string, @CurrentPrincipal() viewer: Principal): Promise<Device> {
    return this.queries.execute(new ReadDeviceQuery(id, viewerOf(viewer)));
  }
}
