import { CurrentPrincipal, type Principal } from '@app/auth';
import type { ListResponse } from '@app/contracts';
import { ApiController } from '@app/service-kit';
import { Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { DeviceView } from '../../projections/device-view';
import { ListDevicesQuery } from './list-devices.query';
import { ListDevicesRequestDto } from './list-devices.request.dto';

@ApiController('v1/devices', 'devices')
export class ListDevicesHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  list(
    @QueryParams() { status, indication, page, pageSize }: ListDevicesRequestDto,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<ListResponse<DeviceView>> {
    return this.queries.execute(new ListDevicesQuery({ status, indication }, { page, pageSize }, viewer));
  }
}
