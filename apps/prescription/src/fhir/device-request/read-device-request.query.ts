import type { DeviceRequest } from '@medplum/fhirtypes';
import { Query } from '@nestjs/cqrs';
import type { PrescriptionViewer } from '../../domain/prescription-visibility';

/** `GET /fhir/R4/DeviceRequest/:id`: one prescription, if this caller may see it. */
export class ReadDeviceRequestQuery extends Query<DeviceRequest> {
  constructor(
    readonly id: string,
    readonly viewer: PrescriptionViewer,
  ) {
    super();
  }
}
