import type { ListResponse } from '@app/contracts';
import { Query } from '@nestjs/cqrs';
import type { DeviceStatus, IndicationCode } from '../../domain/device-product';
import type { DeviceView } from '../../projections/device-view';
import type { DeviceViewer } from '../device-viewer';

export class ListDevicesQuery extends Query<ListResponse<DeviceView>> {
  constructor(
    readonly filter: { status?: DeviceStatus; indication?: IndicationCode },
    readonly page: number,
    readonly pageSize: number,
    readonly viewer: DeviceViewer,
  ) {
    super();
  }
}
