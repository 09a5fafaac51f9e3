import { EventStore } from '@app/event-sourcing';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DeviceErrors } from '../../domain/device.errors';
import { DeviceCatalogueRepository } from '../../projections/device-catalogue.repository';
import { DeviceHistoryQuery, type DeviceHistoryItem } from './device-history.query';

/** The device's own events, for whoever may see the device (the same 404 otherwise). */
@QueryHandler(DeviceHistoryQuery)
export class DeviceHistoryHandler implements IQueryHandler<DeviceHistoryQuery, { items: DeviceHistoryItem[] }> {
  constructor(private readonly catalogue: DeviceCatalogueRepository, private readonly store: EventStore) {}

  async execute({ deviceId, viewer }: DeviceHistoryQuery): Promise<{ items: DeviceHistoryItem[] }> {
    if (!(await this.catalogue.findVisible(deviceId, viewer))) throw DeviceErrors.notFound(deviceId);
    const { events } = await this.store.readStream(deviceId);
    return { items: events.map(({ type, version, occurredAt, metadata, data }) => ({ type, version, occurredAt, actor: metadata.actor, data })) };
  }
}
