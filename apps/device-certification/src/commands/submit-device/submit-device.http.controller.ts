import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import type { CommandContext } from '@app/event-sourcing';
import { Action, ApiController, CurrentContext, UuidParam } from '@app/service-kit';
import { CommandBus } from '@nestjs/cqrs';
import type { DeviceView } from '../../projections/device-view';
import { SubmitDeviceCommand } from './submit-device.command';

@ApiController('v1/devices', 'devices')
export class SubmitDeviceHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Action(':id/submission')
  @Roles('vendor')
  submit(@UuidParam() id: string, @CurrentPrincipal() vendor: Principal, @CurrentContext() context: CommandContext): Promise<DeviceView> {
    return this.commands.execute(new SubmitDeviceCommand({ deviceId: id, vendorOrg: vendor.org }, context));
  }
}
