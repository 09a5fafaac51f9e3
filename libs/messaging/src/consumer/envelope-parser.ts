import type { EventEnvelope } from '@app/contracts';

/** A message no retry can fix: it goes to the dead-letter topic at once. */
export class InvalidMessageError extends Error {
  override readonly name = 'InvalidMessageError';
  readonly code = 'MESSAGING.INVALID_MESSAGE';
}

/**
 * Reads an EventEnvelope from a Kafka message value. Only what the consumer
 * itself relies on is checked (the id keys the inbox, the type picks the
 * handler); handlers own the shape of `data`.
 */
export function parseEnvelope(value: Buffer | string | null): EventEnvelope {
  if (value === null || value.length === 0) throw new InvalidMessageError('The message has no value');
  let parsed: unknown;
  try {
    parsed = JSON.parse(value.toString());
  } catch {
    throw new InvalidMessageError('The message value is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new InvalidMessageError('The message value is not a JSON object');
  }
  const envelope = parsed as Partial<EventEnvelope>;
  if (typeof envelope.id !== 'string' || envelope.id.length === 0) {
    throw new InvalidMessageError('The envelope has no string id');
  }
  if (typeof envelope.type !== 'string' || envelope.type.length === 0) {
    throw new InvalidMessageError('The envelope has no string type');
  }
  return envelope as EventEnvelope;
}
