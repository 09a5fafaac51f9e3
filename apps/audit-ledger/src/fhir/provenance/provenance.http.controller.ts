import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import { parseFhirSearch, type SearchLocation } from '@app/fhir';
import { FhirController, FhirSearchLocation } from '@app/service-kit';
import type { Bundle, Provenance } from '@medplum/fhirtypes';
import { Get, Param, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { PROVENANCE_CAPABILITY } from './provenance.capability';
import { ReadProvenanceQuery } from './read-provenance.query';
import { SearchProvenanceQuery } from './search-provenance.query';

/** `GET /fhir/R4/Provenance` and `/fhir/R4/Provenance/:id`: the roles of GET /v1/ledger/entries (auditors, physicians; others 403). */
@FhirController('Provenance')
export class ProvenanceHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('auditor', 'physician')
  search(
    @QueryParams() query: Record<string, unknown>,
    @FhirSearchLocation('Provenance') location: SearchLocation,
    @CurrentPrincipal() reader: Principal,
  ): Promise<Bundle> {
    return this.queries.execute(new SearchProvenanceQuery(parseFhirSearch(query, PROVENANCE_CAPABILITY), location, reader));
  }

  @Get(':id')
  @Roles('auditor', 'physician')
  read(@Param('id') id: string, @CurrentPrincipal() reader: Principal): Promise<Provenance> {
    return this.queries.execute(new ReadProvenanceQuery(id, reader));
  }
}
