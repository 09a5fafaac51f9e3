import type { FhirSearch, SearchLocation } from '@app/fhir';
import type { Bundle } from '@medplum/fhirtypes';
import { Query } from '@nestjs/cqrs';
import type { DeviceViewer } from '../../domain/device-visibility';

export class SearchDeviceDefinitionQuery extends Query<Bundle> {
  constructor(
    readonly search: FhirSearch,
    readonly location: SearchLocation,
    readonly viewer: DeviceViewer,
  ) {
    super();
  }
}
