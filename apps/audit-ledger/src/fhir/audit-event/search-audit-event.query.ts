import type { FhirSearch, SearchLocation } from '@app/fhir';
import type { Bundle } from '@medplum/fhirtypes';
import { Query } from '@nestjs/cqrs';
import type { Reader } from '../../domain/prescriber-access';

export class SearchAuditEventQuery extends Query<Bundle> {
  constructor(
    readonly search: FhirSearch,
    readonly location: SearchLocation,
    readonly reader: Reader,
  ) {
    super();
  }
}
