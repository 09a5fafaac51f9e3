import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import type { CommandContext } from '@app/event-sourcing';
import { Action, ApiController, CurrentContext, UuidParam } from '@app/service-kit';
import { Body } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { DeviceView } from '../../projections/device-view';
import { ReinstateDeviceCommand } from '../reinstate-device/reinstate-device.command';
import { RevokeDeviceCommand } from '../revoke-device/revoke-device.command';
import { SuspendDeviceCommand } from '../suspend-device/suspend-device.command';
import { ChangeCertificationStatusRequestDto } from './change-certification-status.request.dto';

/** An evaluation body suspends, reinstates or revokes a certification, always with a reason: three use cases, one body. */
@ApiController('v1/devices', 'devices')
@Roles('evaluator')
export class ChangeCertificationStatusHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Action(':id/suspension')
  suspend(
    @UuidParam() id: string,
    @Body() { reason }: ChangeCertificationStatusRequestDto,
    @CurrentPrincipal() { org }: Principal,
    @CurrentContext() context: CommandContext,
  ): Promise<DeviceView> {
    return this.commands.execute(new SuspendDeviceCommand(id, reason, org, context));
  }

  @Action(':id/reinstatement')
  reinstate(
    @UuidParam() id: string,
    @Body() { reason }: ChangeCertificationStatusRequestDto,
    @CurrentPrincipal() { org }: Principal,
    @CurrentContext() context: CommandContext,
  ): Promise<DeviceView> {
    return this.commands.execute(new ReinstateDeviceCommand(id, reason, org, context));
  }

  @Action(':id/revocation')
  revoke(
    @UuidParam() id: string,
    @Body() { reason }: ChangeCertificationStatusRequestDto,
    @CurrentPrincipal() { org }: Principal,
    @CurrentContext() context: CommandContext,
  ): Promise<DeviceView> {
    return this.commands.execute(new RevokeDeviceCommand(id, reason, org, context));
  }
}
