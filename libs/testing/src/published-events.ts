import type { EventEnvelope } from '@app/contracts';
import { v7 as uuidv7 } from 'uuid';
import { produceMessages } from './kafka-test-client';

/** What a test says of an event it publishes for another service; the rest is filled in as a producer would. */
export type TestEnvelopeFields<D, T extends string> = Omit<EventEnvelope<D, T>, 'id' | 'correlationId' | 'causationId' | 'occurredAt'> & { occurredAt: Date };

/** An envelope as its producing service publishes it: a fresh event id and conversation, caused by no other event. */
export const testEnvelope = <D, T extends string>(fields: TestEnvelopeFields<D, T>): EventEnvelope<D, T> => ({
  ...fields,
  id: uuidv7(),
  occurredAt: fields.occurredAt.toISOString(),
  correlationId: uuidv7(),
  causationId: null,
});

/** Envelopes on `topic` in order, each keyed by its stream as the outbox relay keys them (one stream, one partition). */
export async function publishEnvelopes(topic: string, envelopes: readonly EventEnvelope<unknown>[]): Promise<void> {
  await produceMessages(topic, envelopes.map((envelope) => ({ key: envelope.streamId, value: JSON.stringify(envelope) })));
}
