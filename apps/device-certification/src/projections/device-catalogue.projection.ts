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

  /**
   * Folds every device stream again and replaces every row, in one
   * transaction. It first takes the table from writers (readers go on with the
   * rows as they were): commands that already wrote a row finish, those to
   * come wait, so the events read are exactly those whose rows it replaces,
   * and a command that was waiting writes its own row after it. Returns the
   * number of devices.
   */
  rebuild(store: EventStore): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      await this.catalogue.lockForRebuild(tx);
      const devices = new Map<string, { events: DeviceEvent[]; version: number; createdAt: string; updatedAt: string }>();
      for (const event of await store.readStreamType('device', { manager: tx })) {
        const device = devices.get(event.streamId) ?? { events: [], version: 0, createdAt: event.occurredAt, updatedAt: '' };
        device.events.push({ type: event.type, data: event.data } as DeviceEvent);
        device.version = event.version;
        device.updatedAt = event.occurredAt;
        devices.set(event.streamId, device);
      }
      await this.catalogue.clear(tx);
      for (const device of devices.values()) {
        const state = foldEvents(deviceDecider, device.events);
        if (state.status !== 'NONE') await this.catalogue.upsert(tx, deviceView(state, device.version, device.createdAt, device.updatedAt));
      }
      return devices.size;
    });
  }
}
