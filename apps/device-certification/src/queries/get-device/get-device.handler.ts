import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DeviceErrors } from '../../domain/device.errors';
import { DeviceCatalogueRepository } from '../../projections/device-catalogue.repository';
import type { DeviceView } from '../../projections/device-view';
import { GetDeviceQuery } from './get-device.query';

/** Not found and not visible are the same answer: a caller learns nothing of others' drafts. */
@QueryHandler(GetDeviceQuery)
export class GetDeviceHandler implements IQueryHandler<GetDeviceQuery, DeviceView> {
  constructor(private readonly catalogue: DeviceCatalogueRepository) {}

  async execute({ deviceId, viewer }: GetDeviceQuery): Promise<DeviceView> {
    const device = await this.catalogue.findVisible(deviceId, viewer);
    if (!device) throw DeviceErrors.notFound(deviceId);
    return device;
  }
}
