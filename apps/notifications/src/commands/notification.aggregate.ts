import { NOTIFICATIONS_EVENTS_V1 } from '@app/contracts';
import type { Aggregate, CommandRequest, CommandStep, Transaction } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';
import { notificationAuditDraft } from '../domain/notification.audit';
import type { NotificationCommand } from '../domain/notification.commands';
import { notificationDecider } from '../domain/notification.decider';
import { NotificationErrors } from '../domain/notification.errors';
import type { NotificationEvent } from '../domain/notification.events';
import type { NotificationState } from '../domain/notification.state';
import type { NotificationView } from '../projections/notification-view';
import { NotificationReadModel } from '../projections/notification-read-model.projection';
import { NotificationsRepository } from '../projections/notifications.repository';

/** A command as a reader sends it: with the inboxes they may read (the platform's own creation carries none). */
export type NotificationCommandRequest = NotificationCommand & { inboxes?: string[] };

/** The Notification aggregate as the command pipeline runs it: one stream per notification (its id). */
@Injectable()
export class NotificationAggregate implements Aggregate<NotificationState, NotificationCommand, NotificationEvent, NotificationView | null> {
  readonly streamType = 'notification';
  readonly contract = NOTIFICATIONS_EVENTS_V1;
  readonly decider = notificationDecider;

  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly readModel: NotificationReadModel,
  ) {}

  /** Another's notification is not found, like a missing one, before anything is decided. */
  async admit(tx: Transaction, { streamId, command }: CommandRequest<NotificationCommand>): Promise<void> {
    const { inboxes } = command as NotificationCommandRequest;
    if (!inboxes) return;
    if (!(await this.notifications.get(streamId, inboxes, tx))) throw NotificationErrors.notFound(streamId);
  }

  audit({ events, state, context }: CommandStep<NotificationState, NotificationEvent>) {
    return notificationAuditDraft(events, state, context.actor);
  }

  project(tx: Transaction, step: CommandStep<NotificationState, NotificationEvent>): Promise<NotificationView | null> {
    return this.readModel.apply(tx, step);
  }
}
