import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import { CLOCK, type Clock } from '@app/service-kit';
import { Body, Controller, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DeviceView } from '../../projections/device-view';
import { callerOf, requestCorrelationId } from '../device-caller';
import { ExecuteDeviceCommand } from '../execute-device-command.command';
import { ReasonRequestDto } from './reason.request.dto';

type StatusChange = 'SuspendDevice' | 'ReinstateDevice' | 'RevokeDevice';

/** An evaluation body suspends, reinstates or revokes a certification, always with a reason. */
@ApiTags('devices')
@ApiBearerAuth()
@Controller('v1/devices')
@Roles('evaluator')
export class ChangeCertificationStatusHttpController {
  constructor(
    @Inject(CommandBus) private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':id/suspension')
  @HttpCode(200)
  suspend(@Param('id', ParseUUIDPipe) id: string, @Body() body: ReasonRequestDto, @CurrentPrincipal() p: Principal) {
    return this.change('SuspendDevice', id, body.reason, p);
  }

  @Post(':id/reinstatement')
  @HttpCode(200)
  reinstate(@Param('id', ParseUUIDPipe) id: string, @Body() body: ReasonRequestDto, @CurrentPrincipal() p: Principal) {
    return this.change('ReinstateDevice', id, body.reason, p);
  }

  @Post(':id/revocation')
  @HttpCode(200)
  revoke(@Param('id', ParseUUIDPipe) id: string, @Body() body: ReasonRequestDto, @CurrentPrincipal() p: Principal) {
    return this.change('RevokeDevice', id, body.reason, p);
  }

  private change(type: StatusChange, id: string, reason: string, principal: Principal): Promise<DeviceView> {
    const command = { type, reason, now: this.clock.now(), actorOrg: principal.org };
    return this.commandBus.execute(new ExecuteDeviceCommand(id, command, callerOf(principal), requestCorrelationId()));
  }
}
