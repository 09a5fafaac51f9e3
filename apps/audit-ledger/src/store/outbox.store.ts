import type { EventEnvelope } from '@app/contracts';
import type { Queryable } from './queryable';

/** The service's outbox table (libs/messaging relays it): the ledger's own announcements, in the writer's transaction. */
export async function announce(db: Queryable, topic: string, envelopes: ReadonlyArray<EventEnvelope<unknown>>): Promise<void> {
  await db.query(`INSERT INTO outbox (topic, message_key, payload) SELECT * FROM unnest($1::text[], $2::text[], $3::jsonb[])`, [
    envelopes.map(() => topic),
    envelopes.map((envelope) => envelope.streamId),
    envelopes.map((envelope) => JSON.stringify(envelope)),
  ]);
}
