import { foldEvents, type EventStore } from '@app/event-sourcing';
import type { DataSource, EntityManager } from 'typeorm';
import { deviceDecider } from '../domain/device.decider';
import type { DeviceEvent } from '../domain/device.events';
import type { DeviceState } from '../domain/device.state';
import { deviceView, type DeviceView } from './device-view';

const UPSERT = `
  INSERT INTO device_catalogue
    (id, status, version, manufacturer_siret, indications, certified_indications, valid_until, resource, created_at, updated_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
  ON CONFLICT (id) DO UPDATE SET
    status = EXCLUDED.status, version = EXCLUDED.version, manufacturer_siret = EXCLUDED.manufacturer_siret,
    indications = EXCLUDED.indications, certified_indications = EXCLUDED.certified_indications,
    valid_until = EXCLUDED.valid_until, updated_at = EXCLUDED.updated_at,
    -- the creation time is the registration's, whatever step writes the row
    resource = EXCLUDED.resource || jsonb_build_object('createdAt', device_catalogue.resource->'createdAt')`;

function rowValues(view: DeviceView): unknown[] {
  return [
    view.id,
    view.status,
    view.version,
    view.manufacturer.siret,
    view.indications,
    view.certification?.certifiedIndications ?? [],
    view.certification?.validUntil ?? null,
    view,
    view.createdAt,
    view.updatedAt,
  ];
}

/**
 * The catalogue read model. Written in the transaction of each command (so a
 * service's own reads reflect its writes at once) and rebuildable from the
 * events alone: both paths fold the same decider, so they give the same rows.
 */
export class DeviceCatalogueProjection {
  async apply(manager: EntityManager, state: DeviceState, version: number, at: string): Promise<void> {
    if (state.status === 'NONE') return;
    await manager.query(UPSERT, rowValues(deviceView(state, version, at, at)));
  }

  /** Drops every row and folds every device stream again. Returns the number of devices. */
  async rebuild(dataSource: DataSource, store: EventStore): Promise<number> {
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
    await dataSource.transaction(async (manager) => {
      await manager.query('TRUNCATE device_catalogue');
      for (const device of devices.values()) {
        const state = foldEvents(deviceDecider, device.events);
        if (state.status === 'NONE') continue;
        await manager.query(UPSERT, rowValues(deviceView(state, device.version, device.createdAt, device.updatedAt)));
      }
    });
    return devices.size;
  }
}
