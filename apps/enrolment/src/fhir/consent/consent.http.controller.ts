import { CurrentPrincipal, type Principal, Roles } from '@app/auth';
import { parseFhirSearch, type SearchLocation } from '@app/fhir';
import { FhirController, FhirSearchLocation } from '@app/service-kit';
import type { Bundle, Consent } from '@medplum/fhirtypes';
import { Get, Param, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { viewerOf } from '../../principals/enrolment-viewer';
import { CONSENT_CAPABILITY } from './consent.capability';
import { ReadConsentQuery } from './read-consent.query';
import { SearchConsentQuery } from './search-consent.query';

/** `GET /fhir/R4/Consent[?…]` and `/fhir/R4/Consent/:id`: the roles of `GET /v1/enrolments` and `/v1/enrolments/:id`. */
@FhirController('Consent')
export class ConsentHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('operator', 'physician', 'patient')
  search(
    @QueryParams() query: Record<string, unknown>,
    @FhirSearchLocation('Consent') location: SearchLocation,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<Bundle> {
    return this.queries.execute(new SearchConsentQuery(parseFhirSearch(query, CONSENT_CAPABILITY), location, viewerOf(viewer)));
  }

  @Get(':id')
  read(@Param('id') id: string, @CurrentPrincipal() viewer: Principal): Promise<Consent> {
    return this.queries.execute(new ReadConsentQuery(id, viewerOf(viewer)));
  }
}
