import type { Device } from '@medplum/fhirtypes';
import { Query } from '@nestjs/cqrs';
import type { EnrolmentViewer } from '../../domain/enrolment-visibility';

export class ReadDeviceQuery extends Query<Device> {
  constructor(
    readonly id: string,
    readonly viewer: EnrolmentViewer,
  ) {
    super();
  }
}
