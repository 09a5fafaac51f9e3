import { CurrentPrincipal, type Principal } from '@app/auth';
import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DeviceView } from '../../projections/device-view';
import { viewerOf } from '../device-viewer';
import { GetDeviceQuery } from './get-device.query';

@ApiTags('devices')
@ApiBearerAuth()
@Controller('v1/devices')
export class GetDeviceHttpController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<DeviceView> {
    return this.queryBus.execute(new GetDeviceQuery(id, viewerOf(principal)));
  }
}
