import { CurrentPrincipal, type Principal } from '@app/auth';
import { ApiController, UuidParam } from '@app/service-kit';
import { Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { DeviceHistoryQuery, type DeviceHistoryItem } from './device-history.query';

@ApiController('v1/devices', 'devices')
export class DeviceHistoryHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/history')
  history(@UuidParam() id: string, @CurrentPrincipal() viewer: Principal): Promise<{ items: DeviceHistoryItem[] }> {
    return this.queries.execute(new DeviceHistoryQuery(id, viewer));
  }
}
