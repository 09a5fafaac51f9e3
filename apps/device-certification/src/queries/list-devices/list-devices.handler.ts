import type { ListResponse } from '@app/contracts';
import { toListResponse } from '@app/service-kit';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DeviceCatalogueRepository } from '../../projections/device-catalogue.repository';
import type { DeviceView } from '../../projections/device-view';
import { ListDevicesQuery } from './list-devices.query';

/** The devices this caller may see, oldest first, filtered by status and indication. */
@QueryHandler(ListDevicesQuery)
export class ListDevicesHandler implements IQueryHandler<ListDevicesQuery, ListResponse<DeviceView>> {
  constructor(private readonly catalogue: DeviceCatalogueRepository) {}

  async execute({ filter, page, viewer }: ListDevicesQuery): Promise<ListResponse<DeviceView>> {
    const { items, total } = await this.catalogue.listVisible(viewer, filter, page);
    return toListResponse(items, total, page.page, page.pageSize);
  }
}
