import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import type { CommandContext } from '@app/event-sourcing';
import { Action, ApiController, CurrentContext, UuidParam } from '@app/service-kit';
import { Body } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { DeviceView } from '../../projections/device-view';
import { RecertifyDeviceCommand } from './recertify-device.command';
import { RecertifyDeviceRequestDto } from './recertify-device.request.dto';

@ApiController('v1/devices', 'devices')
export class RecertifyDeviceHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Action(':id/recertification')
  @Roles('evaluator')
  recertify(
    @UuidParam() id: string,
    @Body() { validUntil, certifiedIndications, notes }: RecertifyDeviceRequestDto,
    @CurrentPrincipal() evaluator: Principal,
    @CurrentContext() context: CommandContext,
  ): Promise<DeviceView> {
    const terms = { validUntil, certifiedIndications, notes };
    return this.commands.execute(new RecertifyDeviceCommand({ deviceId: id, terms, evaluatorOrg: evaluator.org }, context));
  }
}
