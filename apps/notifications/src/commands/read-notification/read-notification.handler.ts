import { stepActorOf } from '@app/auth';
import { CommandPipeline } from '@app/event-sourcing';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotificationErrors } from '../../domain/notification.errors';
import { inboxesOf } from '../../domain/recipient';
import type { NotificationView } from '../../projections/notification-view';
import { NotificationAggregate, type NotificationCommandRequest } from '../notification.aggregate';
import { ReadNotificationCommand } from './read-notification.command';

/**
 * A recipient reads a notification of their inboxes: the first reading is
 * recorded (and audited when the fact engages a physician); reading it again
 * answers it as it is. Another's is a 404 like a missing one.
 */
@CommandHandler(ReadNotificationCommand)
export class ReadNotificationHandler implements ICommandHandler<ReadNotificationCommand, NotificationView> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly aggregate: NotificationAggregate,
  ) {}

  async execute({ input: { notificationId, by }, context }: ReadNotificationCommand): Promise<NotificationView> {
    const command: NotificationCommandRequest = {
      type: 'ReadNotification',
      notificationId,
      now: context.now,
      reader: stepActorOf(by),
      inboxes: inboxesOf(by),
    };
    const view = await this.pipeline.run(this.aggregate, { streamId: notificationId, command, context });
    if (!view) throw NotificationErrors.notFound(notificationId);
    return view;
  }
}
