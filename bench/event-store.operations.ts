import { GENESIS_HASH, generateSigningKey } from '@app/audit';
import { TOPICS } from '@app/contracts';
import { type AppendRequest, type Decider, type EventStore, type StreamState, planDecision } from '@app/event-sourcing';
import type { Pool } from 'pg';
import { useNativeEd25519 } from '@app/service-kit';
import { v7 as uuidv7 } from 'uuid';

// As a service seals: with the native primitive ServiceKitModule installs.
useNativeEd25519();
const signingKey = generateSigningKey();

/* The operations the event store bench times, each planned exactly as the command pipeline plans a command (planDecision). */

type Measured = { type: 'ReadingRecorded'; data: { deviceId: string; value: number; at: string } };
const decider: Decider<{ readings: number }, { deviceId: string; value: number; now: Date }, Measured> = {
  initialState: () => ({ readings: 0 }),
  evolve: (state) => ({ readings: state.readings + 1 }),
  decide: (command) => ({ type: 'ReadingRecorded', data: { deviceId: command.deviceId, value: command.value, at: command.now.toISOString() } }),
};
const actor = { id: 'bench-operator', role: 'operator' as const };

/** What a command knows of its stream after reading it: where it stands, not its events (this decider needs none). */
export interface StreamHead {
  streamId: string;
  deviceId: string;
  position: number;
  auditHeadHash: string;
}

/** One event, its chained audit entry (JCS + SHA-256) and two outbox rows, appended at the head's version. */
export function planReading(head: StreamHead): { append: AppendRequest; auditHash: string } {
  const now = new Date();
  const stream: StreamState = { position: head.position, auditHeadHash: head.auditHeadHash, events: [] };
  const { append, auditEntry } = planDecision({
    decider,
    command: { deviceId: head.deviceId, value: 42, now },
    context: { actor, correlationId: uuidv7(), causationId: null, now },
    stream,
    streamId: head.streamId,
    streamType: 'reading',
    topic: TOPICS.enrolment,
    audit: ({ version }) => ({
      actor,
      action: 'reading.record',
      subject: `enrolment:${head.deviceId}`,
      relatedSubjects: [],
      decision: 'recorded',
      evidence: { version },
    }),
    service: 'bench',
    signingKey,
    newId: uuidv7,
    schemaVersionOf: () => 1,
  });
  return { append: append!, auditHash: auditEntry!.hash };
}

export function newHead(): StreamHead {
  const deviceId = uuidv7();
  return { streamId: `reading:${deviceId}`, deviceId, position: 0, auditHeadHash: GENESIS_HASH };
}

/** Appends the reading to `head` and moves the head on, as the next command reading the stream would see it. */
export async function appendReading(store: EventStore, head: StreamHead): Promise<void> {
  const { append, auditHash } = planReading(head);
  await store.appendToStream(append);
  head.position += 1;
  head.auditHeadHash = auditHash;
}

/** (a) A command creating its stream. */
export const newStreamAppend = (store: EventStore) => (): Promise<void> => appendReading(store, newHead());

/**
 * (b) A command on a stream that already has events, at its expected version.
 * Streams are taken from a queue and put back after their append, so no two
 * clients ever write to the same stream: every append must succeed.
 */
export function existingStreamAppend(store: EventStore, heads: StreamHead[]): () => Promise<void> {
  const idle = [...heads];
  return async () => {
    const head = idle.shift();
    if (!head) throw new Error('More clients than streams');
    try {
      await appendReading(store, head);
    } finally {
      idle.push(head);
    }
  };
}

/** (c) A raw single-row INSERT, the baseline. */
export function rawInsert(pool: Pool): () => Promise<unknown> {
  return () =>
    pool.query({
      name: 'bench_raw_insert',
      text: 'INSERT INTO bench_raw (id, payload) VALUES ($1, $2)',
      values: [uuidv7(), JSON.stringify({ deviceId: uuidv7(), value: 42, at: new Date().toISOString() })],
    });
}

/** `count` streams with one event each (untimed), through the store as a command would create them. */
export async function seedStreams(store: EventStore, count: number, clients = 8): Promise<StreamHead[]> {
  const heads = Array.from({ length: count }, newHead);
  let next = 0;
  const worker = async () => {
    while (next < heads.length) await appendReading(store, heads[next++]);
  };
  await Promise.all(Array.from({ length: clients }, worker));
  return heads;
}
