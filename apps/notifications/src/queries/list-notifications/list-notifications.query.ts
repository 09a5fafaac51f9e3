import type { ListResponse } from '@app/contracts';
import { Query } from '@nestjs/cqrs';
import type { NotificationView } from '../../projections/notification-view';

export class ListNotificationsQuery extends Query<ListResponse<NotificationView>> {
  constructor(
    readonly inboxes: string[],
    readonly filter: { unread?: boolean },
    readonly page: { page: number; pageSize: number },
  ) {
    super();
  }
}
