import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import type { CommandContext } from '@app/event-sourcing';
import { ApiController, Create, CurrentContext } from '@app/service-kit';
import { Body } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import type { DeviceView } from '../../projections/device-view';
import { RegisterDeviceCommand } from './register-device.command';
import { RegisterDeviceRequestDto } from './register-device.request.dto';

@ApiController('v1/devices', 'devices')
export class RegisterDeviceHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Create()
  @Roles('vendor')
  register(
    @Body() body: RegisterDeviceRequestDto,
    @CurrentPrincipal() vendor: Principal,
    @CurrentContext() context: CommandContext,
  ): Promise<DeviceView> {
    return this.commands.execute(new RegisterDeviceCommand({ deviceId: uuidv7(), product: body, vendorOrg: vendor.org }, context));
  }
}
