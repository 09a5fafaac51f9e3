import { EventStore } from '@app/event-sourcing';
import { type IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { GetDeviceQuery } from '../get-device/get-device.query';
import { DeviceHistoryQuery, type DeviceHistoryItem } from './device-history.query';

@QueryHandler(DeviceHistoryQuery)
export class DeviceHistoryHandler implements IQueryHandler<DeviceHistoryQuery, { items: DeviceHistoryItem[] }> {
  constructor(
    private readonly store: EventStore,
    private readonly queryBus: QueryBus,
  ) {}

  /** The device's own events, for whoever may see the device (the same 404 otherwise). */
  async execute({ deviceId, viewer }: DeviceHistoryQuery): Promise<{ items: DeviceHistoryItem[] }> {
    await this.queryBus.execute(new GetDeviceQuery(deviceId, viewer));
    const stream = await this.store.readStream(deviceId);
    return {
      items: stream.events.map((event) => ({
        type: event.type,
        version: event.version,
        occurredAt: event.occurredAt,
        actor: event.metadata.actor,
        data: event.data,
      })),
    };
  }
}
