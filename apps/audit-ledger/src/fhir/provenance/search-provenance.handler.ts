import { searchsetBundle } from '@app/fhir';
import type { Bundle } from '@medplum/fhirtypes';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { LedgerFhirReader } from '../ledger-fhir.reader';
import { provenanceResource } from './provenance.resource';
import { SearchProvenanceQuery } from './search-provenance.query';

/** `GET /fhir/R4/Provenance?...`: the steps the reader may list, each proven against the same signed tree head. */
@QueryHandler(SearchProvenanceQuery)
export class SearchProvenanceHandler implements IQueryHandler<SearchProvenanceQuery, Bundle> {
  constructor(private readonly ledger: LedgerFhirReader) {}

  async execute({ search, location, reader }: SearchProvenanceQuery): Promise<Bundle> {
    const { items, total, head } = await this.ledger.provenPage(reader, search);
    const resources = head ? items.map(({ row, proof }) => provenanceResource(row, proof, head)) : [];
    return searchsetBundle(resources, total, search, location);
  }
}
