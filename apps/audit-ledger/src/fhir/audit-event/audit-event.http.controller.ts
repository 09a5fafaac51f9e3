import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import { parseFhirSearch, type SearchLocation } from '@app/fhir';
import { FhirController, FhirSearchLocation } from '@app/service-kit';
import type { Bundle, AuditEvent } from '@medplum/fhirtypes';
import { Get, Param, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { AUDIT_EVENT_CAPABILITY } from './audit-event.capability';
import { ReadAuditEventQuery } from './read-audit-event.query';
import { SearchAuditEventQuery } from './search-audit-event.query';

/** `GET /fhir/R4/AuditEvent` and `/fhir/R4/AuditEvent/:id`: the roles of GET /v1/ledger/entries (auditors, physicians; others 403). */
@FhirController('AuditEvent')
export class AuditEventHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('auditor', 'physician')
  search(
    @QueryParams() query: Record<string, unknown>,
    @FhirSearchLocation('AuditEvent') location: SearchLocation,
    @CurrentPrincipal() reader: Principal,
  ): Promise<Bundle> {
    return this.queries.execute(new SearchAuditEventQuery(parseFhirSearch(query, AUDIT_EVENT_CAPABILITY), location, reader));
  }

  @Get(':id')
  @Roles('auditor', 'physician')
  read(@Param('id') id: string, @CurrentPrincipal() reader: Principal): Promise<AuditEvent> {
    return this.queries.execute(new ReadAuditEventQuery(id, reader));
  }
}
