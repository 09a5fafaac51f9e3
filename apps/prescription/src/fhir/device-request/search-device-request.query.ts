import type { FhirSearch, SearchLocation } from '@app/fhir';
import type { Bundle } from '@medplum/fhirtypes';
import { Query } from '@nestjs/cqrs';
import type { PrescriptionViewer } from '../../domain/prescription-visibility';

/** `GET /fhir/R4/DeviceRequest?...`: the visible prescriptions matching the search, one page as a searchset Bundle. */
export class SearchDeviceRequestQuery extends Query<Bundle> {
  constructor(
    readonly search: FhirSearch,
    readonly location: SearchLocation,
    readonly viewer: PrescriptionViewer,
  ) {
    super();
  }
}
