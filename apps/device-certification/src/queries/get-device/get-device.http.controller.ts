import { CurrentPrincipal, type Principal } from '@app/auth';
import { ApiController, UuidParam } from '@app/service-kit';
import { Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { DeviceView } from '../../projections/device-view';
import { GetDeviceQuery } from './get-device.query';

@ApiController('v1/devices', 'devices')
export class GetDeviceHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  get(@UuidParam() id: string, @CurrentPrincipal() viewer: Principal): Promise<DeviceView> {
    return this.queries.execute(new GetDeviceQuery(id, viewer));
  }
}
