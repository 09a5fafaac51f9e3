import type { AuditEvent } from '@medplum/fhirtypes';
import { Query } from '@nestjs/cqrs';
import type { Reader } from '../../domain/prescriber-access';

export class ReadAuditEventQuery extends Query<AuditEvent> {
  constructor(
    readonly id: string,
    readonly reader: Reader,
  ) {
    super();
  }
}
