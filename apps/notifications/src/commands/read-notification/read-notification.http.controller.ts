import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import { ROLES } from '@app/contracts';
import type { CommandContext } from '@app/event-sourcing';
import { Action, ApiController, CurrentContext, UuidParam } from '@app/service-kit';
import { CommandBus } from '@nestjs/cqrs';
import type { NotificationView } from '../../projections/notification-view';
import { ReadNotificationCommand } from './read-notification.command';

@ApiController('v1/notifications', 'notifications')
export class ReadNotificationHttpController {
  constructor(private readonly commands: CommandBus) {}

  /** 200 with the notification, read; another's or a missing one is 404 NOTIFICATION.NOT_FOUND. */
  @Action(':id/read')
  @Roles(...ROLES)
  read(@UuidParam() id: string, @CurrentPrincipal() by: Principal, @CurrentContext() context: CommandContext): Promise<NotificationView> {
    return this.commands.execute(new ReadNotificationCommand({ notificationId: id, by }, context));
  }
}
