import { CurrentPrincipal, type Principal } from '@app/auth';
import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { viewerOf } from '../device-viewer';
import { DeviceHistoryQuery, type DeviceHistoryItem } from './device-history.query';

@ApiTags('devices')
@ApiBearerAuth()
@Controller('v1/devices')
export class DeviceHistoryHttpController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Get(':id/history')
  history(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<{ items: DeviceHistoryItem[] }> {
    return this.queryBus.execute(new DeviceHistoryQuery(id, viewerOf(principal)));
  }
}
