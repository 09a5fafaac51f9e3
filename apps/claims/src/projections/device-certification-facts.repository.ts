import type { Transaction } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CertificationFact } from '../domain/billing/billing-facts';
import { iso, isoAt } from './sql-values';

/** Each certification step of a device product, one row per device event, in stream order. */
@Injectable()
export class DeviceCertificationFactsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Idempotent by the device stream's version. */
  async record(tx: Transaction, deviceId: string, fact: CertificationFact): Promise<void> {
    await tx.query(
      `INSERT INTO device_certification_facts (device_id, version, kind, at, valid_from, valid_until) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT DO NOTHING`,
      [deviceId, fact.version, fact.kind, fact.at, fact.validFrom, fact.validUntil],
    );
  }

  async of(deviceIds: string[], tx?: Transaction): Promise<Map<string, CertificationFact[]>> {
    const rows: Array<{ deviceId: string; version: number; kind: CertificationFact['kind']; at: Date; validFrom: Date | null; validUntil: Date | null }> =
      await (tx ?? this.dataSource).query(
        `SELECT device_id AS "deviceId", version, kind, at, valid_from AS "validFrom", valid_until AS "validUntil"
           FROM device_certification_facts WHERE device_id = ANY($1::uuid[]) ORDER BY device_id, version`,
        [deviceIds],
      );
    const byDevice = new Map<string, CertificationFact[]>();
    for (const row of rows) {
      const list = byDevice.get(row.deviceId) ?? [];
      list.push({ version: row.version, at: isoAt(row.at), kind: row.kind, validFrom: iso(row.validFrom), validUntil: iso(row.validUntil) });
      byDevice.set(row.deviceId, list);
    }
    return byDevice;
  }
}
