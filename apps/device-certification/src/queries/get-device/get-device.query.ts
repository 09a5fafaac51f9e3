import { Query } from '@nestjs/cqrs';
import type { DeviceViewer } from '../../domain/device-visibility';
import type { DeviceView } from '../../projections/device-view';

export class GetDeviceQuery extends Query<DeviceView> {
  constructor(
    readonly deviceId: string,
    readonly viewer: DeviceViewer,
  ) {
    super();
  }
}
