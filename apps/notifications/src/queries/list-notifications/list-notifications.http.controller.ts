import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import { ROLES, type ListResponse } from '@app/contracts';
import { ApiController } from '@app/service-kit';
import { Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { inboxesOf } from '../../domain/recipient';
import type { NotificationView } from '../../projections/notification-view';
import { ListNotificationsQuery } from './list-notifications.query';
import { ListNotificationsRequestDto } from './list-notifications.request.dto';

/** Every role has an inbox; one whose token names no RPPS and no org (a patient, a claims processor) finds it empty. */
@ApiController('v1/notifications', 'notifications')
export class ListNotificationsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles(...ROLES)
  list(@QueryParams() { unread, page, pageSize }: ListNotificationsRequestDto, @CurrentPrincipal() caller: Principal): Promise<ListResponse<NotificationView>> {
    const filter = unread === undefined ? {} : { unread: unread === 'true' };
    return this.queries.execute(new ListNotificationsQuery(inboxesOf(caller), filter, { page, pageSize }));
  }
}
