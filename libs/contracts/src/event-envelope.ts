import type { Role } from './roles';

/** Who did something: a user from a token, or the platform itself (`system`). */
export interface Actor {
  id: string;
  role: Role | 'system';
}

/**
 * The envelope of every event on Kafka (ARCHITECTURE.md, "Events on Kafka").
 * `data` never holds personal data in clear: a patient appears as a pseudonym,
 * and an identity a downstream step needs travels encrypted.
 */
export interface EventEnvelope<TData = Record<string, unknown>, TType extends string = string> {
  id: string;
  type: TType;
  schemaVersion: number;
  streamId: string;
  streamType: string;
  version: number;
  occurredAt: string;
  correlationId: string;
  causationId: string | null;
  actor: Actor;
  data: TData;
}
