import type { Provenance } from '@medplum/fhirtypes';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { LedgerFhirErrors } from '../ledger-fhir.errors';
import { LedgerFhirReader } from '../ledger-fhir.reader';
import { provenanceResource } from './provenance.resource';
import { ReadProvenanceQuery } from './read-provenance.query';

/** `GET /fhir/R4/Provenance/:id`: the step of that entry id, proven against the newest signed tree head; else 404. */
@QueryHandler(ReadProvenanceQuery)
export class ReadProvenanceHandler implements IQueryHandler<ReadProvenanceQuery, Provenance> {
  constructor(private readonly ledger: LedgerFhirReader) {}

  async execute({ id, reader }: ReadProvenanceQuery): Promise<Provenance> {
    const found = await this.ledger.provenOne(reader, id);
    if (!found) throw LedgerFhirErrors.notFound('Provenance', id);
    return provenanceResource(found.proven.row, found.proven.proof, found.head);
  }
}
