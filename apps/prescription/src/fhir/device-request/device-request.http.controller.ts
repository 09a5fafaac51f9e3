import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import { parseFhirSearch, type SearchLocation } from '@app/fhir';
import { FhirController, FhirSearchLocation } from '@app/service-kit';
import type { Bundle, DeviceRequest } from '@medplum/fhirtypes';
import { Get, Param, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { READER_ROLES } from '../../domain/prescription-visibility';
import { DEVICE_REQUEST_CAPABILITY } from './device-request.capability';
import { ReadDeviceRequestQuery } from './read-device-request.query';
import { SearchDeviceRequestQuery } from './search-device-request.query';

/**
 * The readers of GET /v1/prescriptions, and the patient, who reads their own
 * prescriptions in their export (API.md "Patients"): its FHIR form,
 * Patient/:pseudonym/$everything, searches here with their token.
 */
export const DEVICE_REQUEST_READER_ROLES = [...READER_ROLES, 'patient'] as const;

@FhirController('DeviceRequest')
export class DeviceRequestHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles(...DEVICE_REQUEST_READER_ROLES)
  search(
    @QueryParams() query: Record<string, unknown>,
    @FhirSearchLocation('DeviceRequest') location: SearchLocation,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<Bundle> {
    return this.queries.execute(new SearchDeviceRequestQuery(parseFhirSearch(query, DEVICE_REQUEST_CAPABILITY), location, viewer));
  }

  @Get(':id')
  @Roles(...DEVICE_REQUEST_READER_ROLES)
  read(@Param('id') id: string, @CurrentPrincipal() viewer: Principal): Promise<DeviceRequest> {
    return this.queries.execute(new ReadDeviceRequestQuery(id, viewer));
  }
}
