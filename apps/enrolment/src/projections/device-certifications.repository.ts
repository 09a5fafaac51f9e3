import type { Transaction } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';
import type { CertificationInForce } from '../domain/enrolment.commands';

export interface CertificationFact extends CertificationInForce {
  deviceId: string;
  /** The device stream's version: an older event never overwrites a newer one. */
  version: number;
  at: string;
}

/** Each device product's certification as device-certification.events.v1 told it. */
@Injectable()
export class DeviceCertificationsRepository {
  /** Records the fact unless a later one is known; `validUntil` null keeps the known date (a suspension does not change it). */
  async record(tx: Transaction, fact: Omit<CertificationFact, 'validUntil'> & { validUntil: string | null }): Promise<void> {
    await tx.query(
      `INSERT INTO device_certifications (device_id, status, valid_until, version, updated_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (device_id) DO UPDATE SET status = EXCLUDED.status,
         valid_until = COALESCE(EXCLUDED.valid_until, device_certifications.valid_until),
         version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
         WHERE device_certifications.version < EXCLUDED.version`,
      [fact.deviceId, fact.status, fact.validUntil, fact.version, fact.at],
    );
  }

  async find(tx: Transaction, deviceId: string): Promise<CertificationInForce | null> {
    const [row] = await tx.query(
      `SELECT status, valid_until AS "validUntil" FROM device_certifications WHERE device_id = $1`,
      [deviceId],
    );
    return row && row.validUntil ? { status: row.status, validUntil: (row.validUntil as Date).toISOString() } : null;
  }
}
