import { searchsetBundle } from '@app/fhir';
import type { Bundle } from '@medplum/fhirtypes';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { LedgerFhirReader } from '../ledger-fhir.reader';
import { auditEventResource } from './audit-event.resource';
import { SearchAuditEventQuery } from './search-audit-event.query';

/** `GET /fhir/R4/AuditEvent?...`: the entries the reader may list (as GET /v1/ledger/entries), as a searchset Bundle. */
@QueryHandler(SearchAuditEventQuery)
export class SearchAuditEventHandler implements IQueryHandler<SearchAuditEventQuery, Bundle> {
  constructor(private readonly ledger: LedgerFhirReader) {}

  async execute({ search, location, reader }: SearchAuditEventQuery): Promise<Bundle> {
    const { items, total } = await this.ledger.page(reader, search);
    return searchsetBundle(items.map(auditEventResource), total, search, location);
  }
}
