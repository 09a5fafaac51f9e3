import type { EventEnvelope } from '@app/contracts';
import type { OutboxMessage } from '@app/messaging';
import type { NewEvent } from '../store/event-store.types';

/** The Kafka envelope of a stored event: same id, so consumers deduplicate on it. */
export function eventEnvelope(event: NewEvent, stream: { id: string; type: string }, version: number): EventEnvelope {
  return {
    id: event.id,
    type: event.type,
    schemaVersion: event.schemaVersion ?? 1,
    streamId: stream.id,
    streamType: stream.type,
    version,
    occurredAt: event.occurredAt,
    correlationId: event.metadata.correlationId,
    causationId: event.metadata.causationId,
    actor: event.metadata.actor,
    data: event.data,
  };
}

/**
 * Keyed by stream id so one aggregate's messages keep their order on Kafka.
 * No headers stored: the relay derives them from the envelope.
 */
export function outboxMessage(topic: string, envelope: EventEnvelope<unknown>): OutboxMessage {
  return { topic, key: envelope.streamId, payload: envelope };
}
