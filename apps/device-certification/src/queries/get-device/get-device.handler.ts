import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { DeviceErrors } from '../../domain/device.errors';
import { DeviceCatalogueRow } from '../../projections/device-catalogue.entity';
import { isVisibleTo, type DeviceView } from '../../projections/device-view';
import { GetDeviceQuery } from './get-device.query';

@QueryHandler(GetDeviceQuery)
export class GetDeviceHandler implements IQueryHandler<GetDeviceQuery, DeviceView> {
  constructor(private readonly dataSource: DataSource) {}

  /** Not found and not visible are the same answer: a caller learns nothing of others' drafts. */
  async execute({ deviceId, viewer }: GetDeviceQuery): Promise<DeviceView> {
    const row = await this.dataSource.getRepository(DeviceCatalogueRow).findOneBy({ id: deviceId });
    if (!row || !isVisibleTo(row, viewer)) throw DeviceErrors.notFound(deviceId);
    return row.resource;
  }
}
