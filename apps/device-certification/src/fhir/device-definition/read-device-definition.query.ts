import type { DeviceDefinition } from '@medplum/fhirtypes';
import { Query } from '@nestjs/cqrs';
import type { DeviceViewer } from '../../domain/device-visibility';

export class ReadDeviceDefinitionQuery extends Query<DeviceDefinition> {
  constructor(
    readonly deviceId: string,
    readonly viewer: DeviceViewer,
  ) {
    super();
  }
}
