import type { ListResponse } from '@app/contracts';
import { Query } from '@nestjs/cqrs';
import type { DeviceViewer } from '../../domain/device-visibility';
import type { DeviceFilter } from '../../projections/device-catalogue.repository';
import type { DeviceView } from '../../projections/device-view';

export class ListDevicesQuery extends Query<ListResponse<DeviceView>> {
  constructor(
    readonly filter: DeviceFilter,
    readonly page: { page: number; pageSize: number },
    readonly viewer: DeviceViewer,
  ) {
    super();
  }
}
