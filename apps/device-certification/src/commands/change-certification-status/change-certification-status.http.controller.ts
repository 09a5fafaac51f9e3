import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import type { CommandContext } from '@app/event-sourcing';
import { Action, ApiController, CurrentContext, UuidParam } from '@app/service-kit';
import { Body } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { DeviceView } from '../../projections/device-view';
import { ChangeCertificationStatusCommand, type StatusChange } from './change-certification-status.command';
import { ChangeCertificationStatusRequestDto } from './change-certification-status.request.dto';

/** An evaluation body suspends, reinstates or revokes a certification, always with a reason. */
@ApiController('v1/devices', 'devices')
@Roles('evaluator')
export class ChangeCertificationStatusHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Action(':id/suspension')
  suspend(
    @UuidParam() id: string,
    @Body() body: ChangeCertificationStatusRequestDto,
    @CurrentPrincipal() evaluator: Principal,
    @CurrentContext() context: CommandContext,
  ): Promise<DeviceView> {
    return this.change('SuspendDevice', id, body, evaluator, context);
  }

  @Action(':id/reinstatement')
  reinstate(
    @UuidParam() id: string,
    @Body() body: ChangeCertificationStatusRequestDto,
    @CurrentPrincipal() evaluator: Principal,
    @CurrentContext() context: CommandContext,
  ): Promise<DeviceView> {
    return this.change('ReinstateDevice', id, body, evaluator, context);
  }

  @Action(':id/revocation')
  revoke(
    @UuidParam() id: string,
    @Body() body: ChangeCertificationStatusRequestDto,
    @CurrentPrincipal() evaluator: Principal,
    @CurrentContext() context: CommandContext,
  ): Promise<DeviceView> {
    return this.change('RevokeDevice', id, body, evaluator, context);
  }

  private change(
    change: StatusChange,
    deviceId: string,
    { reason }: ChangeCertificationStatusRequestDto,
    evaluator: Principal,
    context: CommandContext,
  ): Promise<DeviceView> {
    return this.commands.execute(new ChangeCertificationStatusCommand({ deviceId, change, reason, evaluatorOrg: evaluator.org }, context));
  }
}
