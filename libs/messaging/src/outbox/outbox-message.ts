/**
 * One row of the `outbox` table: a Kafka message written in the same
 * transaction as the events and audit entry it announces, published by the
 * relay after commit.
 */
export interface OutboxMessage {
  topic: string;
  /** Kafka key: the stream id, so one aggregate's messages keep their order. */
  key: string;
  payload: unknown;
  headers?: Record<string, string>;
}
