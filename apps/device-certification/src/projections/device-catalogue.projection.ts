import { foldEvents, type CommandStep, type EventStore, type Transaction } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { deviceDecider } from '../domain/device.decider';
import type { DeviceEvent } from '../domain/device.events';
import type { DeviceState } from '../domain/device.state';
import { DeviceCatalogueRepository } from './device-catalogue.repository';
import { deviceView, type DeviceView } from './device-view';

/**
 * The catalogue read model. Written in the transaction of each command (so a
 * service's own reads reflect its writes at once) and rebuildable from the
 * events alone: both paths fold the same decider, so they give the same rows.
 */
@Injectable()
export class DeviceCatalogueProjection {
  constructor(
    private readonly catalogue: DeviceCatalogueRepository,
    private readonly dataSource: DataSource,
  ) {}

  /** The device after a step, as the caller is answered. A step always concerns a registered device. */
  async apply(tx: Transaction, { state, version, context }: CommandStep<DeviceState, DeviceEvent>): Promise<DeviceView> {
    if (state.status === 'NONE') throw new Error('a device step left no device');
    const at = context.now.toISOString();
    return this.catalogue.upsert(tx, deviceView(state, version, at, at));
  }

  /** Drops every row and folds every device stream again. Returns the number of devices. */
  async rebuild(store: EventStore): Promise<number> {
    const devices = new Map<string, { events: DeviceEvent[]; version: number; createdAt: string; updatedAt: string }>();
    for (let after = 0; ; ) {
      const page = await store.readAll({ after, limit: 1000 });
      if (page.length === 0) break;
      for (const event of page) {
        after = event.globalPosition;
        if (event.streamType !== 'device') continue;
        const device = devices.get(event.streamId) ?? { events: [], version: 0, createdAt: event.occurredAt, updatedAt: '' };
        device.events.push({ type: event.type, data: event.data } as DeviceEvent);
        device.version = event.version;
        device.updatedAt = event.occurredAt;
        devices.set(event.streamId, device);
      }
    }
    await this.dataSource.transaction(async (tx) => {
      await this.catalogue.clear(tx);
      for (const device of devices.values()) {
        const state = foldEvents(deviceDecider, device.events);
        if (state.status === 'NONE') continue;
        await this.catalogue.upsert(tx, deviceView(state, device.version, device.createdAt, device.updatedAt));
      }
    });
    return devices.size;
  }
}
