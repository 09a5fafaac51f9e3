import type { FhirSearch, SearchLocation } from '@app/fhir';
import type { Bundle } from '@medplum/fhirtypes';
import { Query } from '@nestjs/cqrs';
import type { ClaimViewer } from '../../domain/claim-visibility';

export class SearchClaimQuery extends Query<Bundle> {
  constructor(
    readonly search: FhirSearch,
    readonly location: SearchLocation,
    readonly viewer: ClaimViewer,
  ) {
    super();
  }
}
