import type { DataSource } from 'typeorm';
import { newHead, planReading } from './event-store.operations';

/* What the relay bench publishes and consumes: the outbox of real commands, and a projection that folds it. */

const STAGE = `
INSERT INTO outbox (topic, message_key, payload) SELECT * FROM unnest($1::text[], $2::text[], $3::jsonb[])`;

/**
 * Writes the outbox rows of `commands` commands (not timed), spread over
 * `streams` streams: each command's event envelope on `eventTopic` and its
 * audit envelope on `auditTopic`, planned exactly as a command plans them.
 */
export async function stageOutbox(
  dataSource: DataSource,
  topics: { eventTopic: string; auditTopic: string },
  commands: number,
  streams = 1_000,
): Promise<number> {
  const heads = Array.from({ length: streams }, newHead);
  for (let start = 0; start < commands; start += 2_000) {
    const columns: string[][] = [[], [], []];
    for (let i = start; i < Math.min(start + 2_000, commands); i += 1) {
      const head = heads[i % streams];
      const { append, auditHash } = planReading(head);
      head.position += 1;
      head.auditHeadHash = auditHash;
      const [event, audit] = append.outbox;
      for (const [message, topic] of [[event, topics.eventTopic], [audit, topics.auditTopic]] as const) {
        columns[0].push(topic);
        columns[1].push(message.key);
        columns[2].push(JSON.stringify(message.payload));
      }
    }
    await dataSource.query(STAGE, columns);
  }
  return commands * 2;
}

export const CREATE_PROJECTION = `
CREATE TABLE bench_readings (stream_id text PRIMARY KEY, version bigint NOT NULL, value numeric NOT NULL, at timestamptz NOT NULL)`;

/** A read model's handler: one upsert per event, in the consumer's transaction. */
export const PROJECT_READING = `
INSERT INTO bench_readings (stream_id, version, value, at) VALUES ($1, $2, $3, $4)
ON CONFLICT (stream_id) DO UPDATE SET version = EXCLUDED.version, value = EXCLUDED.value, at = EXCLUDED.at`;

/** The same read model written for a run of events in one statement: the newest event of each stream wins. */
export const PROJECT_READINGS = `
INSERT INTO bench_readings (stream_id, version, value, at)
SELECT DISTINCT ON (r.stream_id) r.stream_id, r.version, r.value, r.at
  FROM unnest($1::text[], $2::bigint[], $3::numeric[], $4::timestamptz[]) AS r(stream_id, version, value, at)
 ORDER BY r.stream_id, r.version DESC
ON CONFLICT (stream_id) DO UPDATE SET version = EXCLUDED.version, value = EXCLUDED.value, at = EXCLUDED.at
 WHERE bench_readings.version < EXCLUDED.version`;
