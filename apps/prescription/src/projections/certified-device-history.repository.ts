import type { Transaction } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CertificationFact, CertificationTerms } from '../domain/device-facts/certification-fact';

interface FactRow {
  event_id: string;
  type: CertificationFact['type'];
  version: number;
  occurred_at: Date;
  terms: CertificationTerms | null;
}

/** Where a fact was read from on device-certification.events.v1. */
export type RecordedFact = CertificationFact & { deviceId: string; kafka: { partition: number; offset: string } };

/** The certified_device_history table: every certification fact of every device, dated, in stream order. */
@Injectable()
export class CertifiedDeviceHistoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  async record(tx: Transaction, fact: RecordedFact): Promise<void> {
    // The inbox already drops redeliveries; the key makes a replayed topic harmless too.
    await tx.query(
      `INSERT INTO certified_device_history (event_id, device_id, type, version, occurred_at, terms, kafka_partition, kafka_offset)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (event_id) DO NOTHING`,
      [fact.eventId, fact.deviceId, fact.type, fact.version, fact.occurredAt, fact.terms ?? null, fact.kafka.partition, fact.kafka.offset],
    );
  }

  async factsOf(deviceId: string, tx?: Transaction): Promise<CertificationFact[]> {
    const rows: FactRow[] = await (tx ?? this.dataSource).query(
      `SELECT event_id, type, version, occurred_at, terms FROM certified_device_history WHERE device_id = $1 ORDER BY version`,
      [deviceId],
    );
    return rows.map((row) => ({
      eventId: row.event_id,
      type: row.type,
      version: row.version,
      occurredAt: row.occurred_at.toISOString(),
      ...(row.terms ? { terms: row.terms } : {}),
    }));
  }
}
