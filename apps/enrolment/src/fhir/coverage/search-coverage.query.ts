import type { FhirSearch, SearchLocation } from '@app/fhir';
import type { Bundle } from '@medplum/fhirtypes';
import { Query } from '@nestjs/cqrs';
import type { EnrolmentViewer } from '../../domain/enrolment-visibility';

export class SearchCoverageQuery extends Query<Bundle> {
  constructor(
    readonly search: FhirSearch,
    readonly location: SearchLocation,
    readonly viewer: EnrolmentViewer,
  ) {
    super();
  }
}
