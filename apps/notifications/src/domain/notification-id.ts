import { derivedId } from '@app/event-sourcing/ids/derived-id';
import { recipientKey, type Recipient } from './recipient';

/**
 * The id of the notification of one fact (the event that carried it) to one
 * recipient (about one prescription, when the fact touches several of
 * theirs), the same at every delivery of that event: a redelivered event
 * notifies no one twice. Stamped with the fact's time.
 */
export const notificationId = (eventId: string, recipient: Recipient, occurredAt: Date, about?: string): string =>
  derivedId(`notifications:${eventId}:${recipientKey(recipient)}${about ? `:${about}` : ''}`, occurredAt);
