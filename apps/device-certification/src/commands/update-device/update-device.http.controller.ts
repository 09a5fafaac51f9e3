import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import type { CommandContext } from '@app/event-sourcing';
import { ApiController, CurrentContext, UuidParam } from '@app/service-kit';
import { Body, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { DeviceView } from '../../projections/device-view';
import { UpdateDeviceCommand } from './update-device.command';
import { UpdateDeviceRequestDto } from './update-device.request.dto';

@ApiController('v1/devices', 'devices')
export class UpdateDeviceHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Put(':id')
  @Roles('vendor')
  update(
    @UuidParam() id: string,
    @Body() body: UpdateDeviceRequestDto,
    @CurrentPrincipal() vendor: Principal,
    @CurrentContext() context: CommandContext,
  ): Promise<DeviceView> {
    return this.commands.execute(new UpdateDeviceCommand({ deviceId: id, product: body, vendorOrg: vendor.org }, context));
  }
}
