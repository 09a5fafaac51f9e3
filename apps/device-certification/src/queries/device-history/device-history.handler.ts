import { EventStore } from '@app/event-sourcing';
import { SERVICE_TEXT_SEALER, type ServiceTextSealer } from '@app/service-kit';
import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DeviceErrors } from '../../domain/device.errors';
import type { DeviceEvent } from '../../domain/device.events';
import { DeviceCatalogueRepository } from '../../projections/device-catalogue.repository';
import { DeviceHistoryQuery, type DeviceHistoryItem } from './device-history.query';
import { historyData } from './device-history.texts';

/** The device's own events, for whoever may see the device (the same 404 otherwise), their texts opened. */
@QueryHandler(DeviceHistoryQuery)
export class DeviceHistoryHandler implements IQueryHandler<DeviceHistoryQuery, { items: DeviceHistoryItem[] }> {
  constructor(
    private readonly catalogue: DeviceCatalogueRepository,
    private readonly store: EventStore,
    @Inject(SERVICE_TEXT_SEALER) private readonly texts: ServiceTextSealer,
  ) {}

  async execute({ deviceId, viewer }: DeviceHistoryQuery): Promise<{ items: DeviceHistoryItem[] }> {
    if (!(await this.catalogue.findVisible(deviceId, viewer))) throw DeviceErrors.notFound(deviceId);
    const { events } = await this.store.readStream(deviceId);
    return {
      items: events.map(({ type, version, occurredAt, metadata, data }) => ({
        type,
        version,
        occurredAt,
        actor: metadata.actor,
        data: historyData(deviceId, { type, data } as DeviceEvent, this.texts),
      })),
    };
  }
}
