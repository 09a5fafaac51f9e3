import { DomainError, ERROR_CODES } from '@app/contracts';
import type { OutboxMessage } from '@app/messaging';

/**
 * Default largest Kafka message an append may stage: 900 KiB of key, value and
 * headers. The broker refuses record batches above `message.max.bytes`
 * (1 MiB + 12 bytes by default, the local broker's and Strimzi's alike); the
 * margin covers the headers the relay adds (event id, type, correlation id)
 * and the record framing. The relay sends such a message alone (its batches
 * are bounded in bytes), so it always fits one produce request.
 */
export const DEFAULT_MAX_MESSAGE_BYTES = 900 * 1024;

/** Bytes a staged message will take on the wire, near enough: key, JSON value, headers. */
export function messageBytes(message: OutboxMessage): number {
  let bytes = Buffer.byteLength(message.key) + Buffer.byteLength(JSON.stringify(message.payload) ?? '');
  for (const [name, value] of Object.entries(message.headers ?? {})) bytes += Buffer.byteLength(name) + Buffer.byteLength(value);
  return bytes;
}

/**
 * Refuses, before anything is written, an append with a message the broker
 * would never accept: staged in the outbox, it would be retried forever and
 * hold back every later message of its stream. A 413 REQUEST.TOO_LARGE to the
 * caller, not a 500.
 */
export function checkMessageSizes(streamId: string, outbox: readonly OutboxMessage[], maxBytes: number): void {
  for (const message of outbox) {
    const bytes = messageBytes(message);
    if (bytes > maxBytes) {
      throw new DomainError(
        ERROR_CODES.tooLarge,
        `The ${message.topic} message of ${streamId} would be ${bytes} bytes; at most ${maxBytes} bytes can be published`,
        'too_large',
        [{ field: 'body', code: ERROR_CODES.tooLarge, message: `makes a ${bytes}-byte message; the limit is ${maxBytes}` }],
      );
    }
  }
}
