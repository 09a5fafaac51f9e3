import type { NotificationType } from '@app/contracts';

/**
 * A notification as API.md gives it. With the conventions' `status` (UNREAD,
 * READ) and `version` (1, then 2 once read) every resource carries.
 */
export interface NotificationView {
  id: string;
  type: NotificationType;
  status: 'UNREAD' | 'READ';
  version: number;
  createdAt: string;
  readAt?: string;
  /** What the fact is about: `device:<id>`, `enrolment:<id>`, `claim:<id>`. */
  subject: string;
  /** The other subjects it touches: the prescription, the patient's pseudonym (`patient:<pseudonym>`). */
  relatedSubjects: string[];
  /** A sentence naming the patient by pseudonym only. */
  message: string;
}

/** A notification to store: the view's fields that come with the fact, and whom it is for. */
export interface NewNotification {
  id: string;
  recipient: string;
  type: NotificationType;
  subject: string;
  relatedSubjects: string[];
  message: string;
  engaging: boolean;
  sourceEventId: string;
  createdAt: Date;
}
