import type { EventEnvelope } from '../event-envelope';

/** Event type name -> payload type, for the events published on one topic. */
export type EventPayloads = { [type: string]: object };

/**
 * What a context publishes on its topic, as its consumers may rely on it: the
 * event type names, each one's payload type (`P`, compile time only) and
 * schema version (run time). A producer's decider `satisfies` the events of
 * its contract and a consumer's handlers are typed by it, so a payload that
 * drifts from what is published is a compile error on both sides.
 */
export interface EventContract<P extends EventPayloads> {
  readonly topic: string;
  readonly schemaVersions: { readonly [T in keyof P & string]: number };
  /** Never set: it only carries the payload types. */
  readonly payloads?: P;
}

export const eventContract = <P extends EventPayloads>(
  topic: string,
  schemaVersions: { readonly [T in keyof P & string]: number },
): EventContract<P> => ({ topic, schemaVersions });

/** The union of `{ type, data }` a contract's producer emits. */
export type EventOf<P extends EventPayloads> = { [T in keyof P & string]: { type: T; data: P[T] } }[keyof P & string];

export type PayloadsOf<C> = C extends EventContract<infer P> ? P : never;

/** The envelope of one published event type, as a consumer receives it. */
export type PublishedEnvelope<P extends EventPayloads, T extends keyof P & string> = EventEnvelope<P[T], T>;
