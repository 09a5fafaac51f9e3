import type { DeviceProductV1 } from '@app/contracts';
import type { Transaction } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';

export interface DeviceAudience {
  deviceId: string;
  /** The manufacturer's SIRET: the `org` of its vendor's users. */
  vendorOrg: string;
  name: string;
  model: string;
}

/** A suspension or revocation of a device, kept for the enrolments whose activation arrives after it. */
export interface DeviceAlert {
  eventId: string;
  deviceId: string;
  eventType: 'DeviceSuspended' | 'DeviceRevoked';
  occurredAt: string;
  correlationId: string;
}

/** `devices` and `device_alerts`: who registered each device, and the facts about it its prescribers must know. */
@Injectable()
export class DeviceAudiencesRepository {
  async product(tx: Transaction, deviceId: string, product: DeviceProductV1, version: number): Promise<void> {
    await tx.query(
      `INSERT INTO devices (device_id, vendor_org, name, model, version) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (device_id) DO UPDATE SET vendor_org = EXCLUDED.vendor_org, name = EXCLUDED.name, model = EXCLUDED.model, version = EXCLUDED.version
       WHERE devices.version < EXCLUDED.version`,
      [deviceId, product.manufacturer.siret, product.name, product.model, version],
    );
  }

  async get(tx: Transaction, deviceId: string): Promise<DeviceAudience | null> {
    const [row] = await tx.query(`SELECT device_id AS "deviceId", vendor_org AS "vendorOrg", name, model FROM devices WHERE device_id = $1`, [deviceId]);
    return row ?? null;
  }

  /**
   * Until the transaction ends, the one telling of this device's alerts: an
   * alert and an activation handled at the same moment by the two consumers
   * would each miss the other's uncommitted row, and no one would be told.
   */
  async lockTelling(tx: Transaction, deviceId: string): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('notifications:device-alerts:' || $1, 0))`, [deviceId]);
  }

  async recordAlert(tx: Transaction, alert: DeviceAlert): Promise<void> {
    await tx.query(
      `INSERT INTO device_alerts (event_id, device_id, event_type, occurred_at, correlation_id) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [alert.eventId, alert.deviceId, alert.eventType, alert.occurredAt, alert.correlationId],
    );
  }

  /** The alerts of the device from `at` on (an enrolment activated at `at` was active when they happened). */
  async alertsSince(tx: Transaction, deviceId: string, at: string): Promise<DeviceAlert[]> {
    const rows: Array<Omit<DeviceAlert, 'occurredAt'> & { occurredAt: Date }> = await tx.query(
      `SELECT event_id AS "eventId", device_id AS "deviceId", event_type AS "eventType", occurred_at AS "occurredAt", correlation_id AS "correlationId"
       FROM device_alerts WHERE device_id = $1 AND occurred_at >= $2 ORDER BY occurred_at, event_id`,
      [deviceId, at],
    );
    return rows.map((row) => ({ ...row, occurredAt: row.occurredAt.toISOString() }));
  }
}
