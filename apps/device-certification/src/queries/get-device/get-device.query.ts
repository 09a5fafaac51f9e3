import { Query } from '@nestjs/cqrs';
import type { DeviceView } from '../../projections/device-view';
import type { DeviceViewer } from '../device-viewer';

export class GetDeviceQuery extends Query<DeviceView> {
  constructor(
    readonly deviceId: string,
    readonly viewer: DeviceViewer,
  ) {
    super();
  }
}
