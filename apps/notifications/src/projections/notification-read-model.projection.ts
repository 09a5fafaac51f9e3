import type { CommandStep, Transaction } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';
import type { NotificationEvent } from '../domain/notification.events';
import type { NotificationState } from '../domain/notification.state';
import type { NotificationView } from './notification-view';
import { NotificationsRepository } from './notifications.repository';

/** The inboxes' read model, written in the step's transaction: a GET right after a reading shows it read. */
@Injectable()
export class NotificationReadModel {
  constructor(private readonly notifications: NotificationsRepository) {}

  async apply(tx: Transaction, { streamId, state, events }: CommandStep<NotificationState, NotificationEvent>): Promise<NotificationView | null> {
    if (state.status === 'NONE') return null;
    const { notification } = state;
    for (const event of events) {
      if (event.type === 'NotificationCreated') {
        await this.notifications.recordOnce(tx, {
          id: notification.notificationId,
          recipient: notification.recipient,
          type: notification.type,
          subject: notification.subject,
          relatedSubjects: notification.relatedSubjects,
          message: notification.message,
          engaging: notification.engaging,
          sourceEventId: notification.fact.eventId,
          createdAt: new Date(notification.createdAt),
        });
      } else {
        await this.notifications.markRead(tx, streamId, [notification.recipient], event.data.readBy.id, new Date(event.data.readAt));
      }
    }
    return this.notifications.get(streamId, [notification.recipient], tx);
  }
}
