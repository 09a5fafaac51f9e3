import { DomainError, ERROR_CODES } from '@app/contracts';
import { checkMessageSizes, DEFAULT_MAX_MESSAGE_BYTES, messageBytes } from './message-size';

const message = (payload: unknown, headers?: Record<string, string>) => ({ topic: 'reviews.events.v1', key: 'review:1', payload, headers });

describe('the size of an outbox message, checked at append time', () => {
  it('counts key, JSON value and headers in bytes', () => {
    expect(messageBytes(message({ a: 'é' }))).toBe('review:1'.length + Buffer.byteLength('{"a":"é"}'));
    expect(messageBytes(message('x', { h: 'v' }))).toBe(8 + 3 + 2);
  });

  it('lets a message of exactly the limit through and refuses one byte more with 413 REQUEST.TOO_LARGE', () => {
    const fits = message('x'.repeat(100 - 8 - 2));
    expect(messageBytes(fits)).toBe(100);
    expect(() => checkMessageSizes('review:1', [fits], 100)).not.toThrow();
    const refused = (() => {
      try {
        checkMessageSizes('review:1', [fits, message('x'.repeat(91))], 100);
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({
      code: ERROR_CODES.tooLarge,
      kind: 'too_large',
      message: 'The reviews.events.v1 message of review:1 would be 101 bytes; at most 100 bytes can be published',
    });
  });

  it('defaults below the broker message.max.bytes (1 MiB + 12) with room for the relay headers', () => {
    expect(DEFAULT_MAX_MESSAGE_BYTES).toBeLessThanOrEqual(1_048_588 - 64 * 1024);
  });
});
