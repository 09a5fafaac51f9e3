import type { EntityManager } from 'typeorm';
import type { CertificationFact, CertificationTerms } from '../domain/device-facts/certification-fact';

interface FactRow {
  event_id: string;
  type: CertificationFact['type'];
  version: number;
  occurred_at: Date;
  terms: CertificationTerms | null;
}

/** Reads and writes the local certification history of devices. */
export const CertifiedDeviceHistory = {
  async record(
    manager: EntityManager,
    fact: CertificationFact & { deviceId: string; kafka: { partition: number; offset: string } },
  ): Promise<void> {
    // The inbox already drops redeliveries; the key makes a replayed topic harmless too.
    await manager.query(
      `INSERT INTO certified_device_history (event_id, device_id, type, version, occurred_at, terms, kafka_partition, kafka_offset)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (event_id) DO NOTHING`,
      [fact.eventId, fact.deviceId, fact.type, fact.version, fact.occurredAt, fact.terms ?? null, fact.kafka.partition, fact.kafka.offset],
    );
  },

  async factsOf(manager: EntityManager, deviceId: string): Promise<CertificationFact[]> {
    const rows = (await manager.query(
      `SELECT event_id, type, version, occurred_at, terms FROM certified_device_history WHERE device_id = $1 ORDER BY version`,
      [deviceId],
    )) as FactRow[];
    return rows.map((row) => ({
      eventId: row.event_id,
      type: row.type,
      version: row.version,
      occurredAt: row.occurred_at.toISOString(),
      ...(row.terms ? { terms: row.terms } : {}),
    }));
  },
};
