import type { AuditEvent } from '@medplum/fhirtypes';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { LedgerFhirErrors } from '../ledger-fhir.errors';
import { LedgerFhirReader } from '../ledger-fhir.reader';
import { auditEventResource } from './audit-event.resource';
import { ReadAuditEventQuery } from './read-audit-event.query';

/** `GET /fhir/R4/AuditEvent/:id`: the entry of that id; absent and not the reader's are the same 404. */
@QueryHandler(ReadAuditEventQuery)
export class ReadAuditEventHandler implements IQueryHandler<ReadAuditEventQuery, AuditEvent> {
  constructor(private readonly ledger: LedgerFhirReader) {}

  async execute({ id, reader }: ReadAuditEventQuery): Promise<AuditEvent> {
    const found = await this.ledger.one(reader, id);
    if (!found) throw LedgerFhirErrors.notFound('AuditEvent', id);
    return auditEventResource(found.row);
  }
}
