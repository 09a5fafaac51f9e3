import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { recipientKey, type Recipient } from './recipient';

/**
 * The id of the notification of one fact (the event that carried it) to one
 * recipient, the same at every delivery of that event: stored with a unique
 * id, a redelivered event notifies no one twice. A UUID v7 stamped with the
 * fact's time, its random bits from the event and the recipient.
 */
export function notificationId(eventId: string, recipient: Recipient, occurredAt: Date): string {
  const random = createHash('sha256').update(`notifications:${eventId}:${recipientKey(recipient)}`).digest().subarray(0, 16);
  return uuidv7({ msecs: occurredAt.getTime(), random: new Uint8Array(random) });
}
