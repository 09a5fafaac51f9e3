import type { Provenance } from '@medplum/fhirtypes';
import { Query } from '@nestjs/cqrs';
import type { Reader } from '../../domain/prescriber-access';

export class ReadProvenanceQuery extends Query<Provenance> {
  constructor(
    readonly id: string,
    readonly reader: Reader,
  ) {
    super();
  }
}
