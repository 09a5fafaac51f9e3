import { CurrentPrincipal, type Principal } from '@app/auth';
import type { ListResponse } from '@app/contracts';
import { Controller, Get, Inject, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DeviceView } from '../../projections/device-view';
import { viewerOf } from '../device-viewer';
import { ListDevicesQuery } from './list-devices.query';
import { ListDevicesRequestDto } from './list-devices.request.dto';

@ApiTags('devices')
@ApiBearerAuth()
@Controller('v1/devices')
export class ListDevicesHttpController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Get()
  list(@QueryParams() query: ListDevicesRequestDto, @CurrentPrincipal() principal: Principal): Promise<ListResponse<DeviceView>> {
    const filter = { status: query.status, indication: query.indication };
    return this.queryBus.execute(new ListDevicesQuery(filter, query.page, query.pageSize, viewerOf(principal)));
  }
}
