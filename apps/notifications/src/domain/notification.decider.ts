import { decideByType, type DecisionTable, type Decider } from '@app/event-sourcing/decider/decider';
import type { NotificationCommand } from './notification.commands';
import { NotificationErrors } from './notification.errors';
import type { NotificationEvent } from './notification.events';
import { evolveNotification, initialNotificationState, type NotificationState } from './notification.state';

const deciders: DecisionTable<NotificationCommand, NotificationState, NotificationEvent> = {
  /** The id is derived from the fact and the recipient: the same fact delivered again finds it created and tells no one twice. */
  CreateNotification(command, state) {
    if (state.status !== 'NONE') return [];
    return [{ type: 'NotificationCreated', data: command.notification }];
  },
  /** Only the first reading is a fact (it is what the dossier shows); reading again changes nothing. */
  ReadNotification(command, state) {
    if (state.status === 'NONE') throw NotificationErrors.notFound(command.notificationId);
    if (state.status === 'READ') return [];
    return [{ type: 'NotificationRead', data: { readAt: command.now.toISOString(), readBy: command.reader } }];
  },
};

/** A notification as a decider; what it decides is the notification part of notifications.events.v1. */
export const notificationDecider = {
  initialState: initialNotificationState,
  evolve: evolveNotification,
  decide: (command: NotificationCommand, state: NotificationState): NotificationEvent[] => decideByType(deciders, command, state),
} satisfies Decider<NotificationState, NotificationCommand, NotificationEvent>;
