import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import { CLOCK, type Clock } from '@app/service-kit';
import { Controller, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DeviceView } from '../../projections/device-view';
import { callerOf, requestCorrelationId } from '../device-caller';
import { ExecuteDeviceCommand } from '../execute-device-command.command';

@ApiTags('devices')
@ApiBearerAuth()
@Controller('v1/devices')
export class SubmitDeviceHttpController {
  constructor(
    @Inject(CommandBus) private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Its vendor submits a DRAFT for evaluation. */
  @Post(':id/submission')
  @HttpCode(200)
  @Roles('vendor')
  submit(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<DeviceView> {
    const command = { type: 'SubmitDevice' as const, now: this.clock.now(), actorOrg: principal.org };
    return this.commandBus.execute(new ExecuteDeviceCommand(id, command, callerOf(principal), requestCorrelationId()));
  }
}
