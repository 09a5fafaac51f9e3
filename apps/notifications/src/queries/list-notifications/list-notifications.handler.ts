import type { ListResponse } from '@app/contracts';
import { toListResponse } from '@app/service-kit';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { NotificationView } from '../../projections/notification-view';
import { NotificationsRepository } from '../../projections/notifications.repository';
import { ListNotificationsQuery } from './list-notifications.query';

/** The caller's inboxes (their own, their org's), newest first. */
@QueryHandler(ListNotificationsQuery)
export class ListNotificationsHandler implements IQueryHandler<ListNotificationsQuery, ListResponse<NotificationView>> {
  constructor(private readonly notifications: NotificationsRepository) {}

  async execute({ inboxes, filter, page }: ListNotificationsQuery): Promise<ListResponse<NotificationView>> {
    const { rows, total } = await this.notifications.inbox(inboxes, filter, page);
    return toListResponse(rows, total, page.page, page.pageSize);
  }
}
