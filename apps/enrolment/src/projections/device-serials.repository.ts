import type { Transaction } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';

export interface DeviceSerial {
  udiDi: string;
  serialNumber: string;
}

/**
 * The serial numbers held by enrolments that have not ended. The primary key
 * decides between two assignments of one device at the same time: the second
 * insert waits for the first transaction, then finds the row and loses.
 */
@Injectable()
export class DeviceSerialsRepository {
  /** Holds the device for the enrolment; false when another enrolment holds it. */
  async reserve(tx: Transaction, enrolmentId: string, device: DeviceSerial, at: string): Promise<boolean> {
    const rows = await tx.query(
      `INSERT INTO device_serials (udi_di, serial_number, enrolment_id, assigned_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (udi_di, serial_number) DO UPDATE SET assigned_at = device_serials.assigned_at
         WHERE device_serials.enrolment_id = EXCLUDED.enrolment_id
       RETURNING enrolment_id`,
      [device.udiDi, device.serialNumber, enrolmentId, at],
    );
    return rows.length === 1;
  }

  async release(tx: Transaction, enrolmentId: string, device?: DeviceSerial): Promise<void> {
    if (device) {
      await tx.query(`DELETE FROM device_serials WHERE enrolment_id = $1 AND udi_di = $2 AND serial_number = $3`, [
        enrolmentId,
        device.udiDi,
        device.serialNumber,
      ]);
    } else {
      await tx.query(`DELETE FROM device_serials WHERE enrolment_id = $1`, [enrolmentId]);
    }
  }

  /** Whether the device is free for this enrolment (nobody else holds it). */
  async isFreeFor(tx: Transaction, enrolmentId: string, device: DeviceSerial): Promise<boolean> {
    const [row] = await tx.query(`SELECT enrolment_id AS "enrolmentId" FROM device_serials WHERE udi_di = $1 AND serial_number = $2`, [
      device.udiDi,
      device.serialNumber,
    ]);
    return !row || row.enrolmentId === enrolmentId;
  }
}
