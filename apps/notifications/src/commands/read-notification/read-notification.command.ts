import type { Principal } from '@app/auth';
import { UseCaseCommand } from '@app/event-sourcing';
import type { NotificationView } from '../../projections/notification-view';

export class ReadNotificationCommand extends UseCaseCommand<{ notificationId: string; by: Principal }, NotificationView> {}
