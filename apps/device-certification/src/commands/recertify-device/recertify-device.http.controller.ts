import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import { CLOCK, type Clock } from '@app/service-kit';
import { Body, Controller, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DeviceView } from '../../projections/device-view';
import { callerOf, requestCorrelationId } from '../device-caller';
import { ExecuteDeviceCommand } from '../execute-device-command.command';
import { RecertifyDeviceRequestDto } from './recertify-device.request.dto';

@ApiTags('devices')
@ApiBearerAuth()
@Controller('v1/devices')
export class RecertifyDeviceHttpController {
  constructor(
    @Inject(CommandBus) private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** An evaluation body extends a CERTIFIED product's validity (and may change its certified indications). */
  @Post(':id/recertification')
  @HttpCode(200)
  @Roles('evaluator')
  recertify(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RecertifyDeviceRequestDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DeviceView> {
    const command = {
      type: 'RecertifyDevice' as const,
      validUntil: body.validUntil,
      certifiedIndications: body.certifiedIndications,
      notes: body.notes,
      now: this.clock.now(),
      actorOrg: principal.org,
    };
    return this.commandBus.execute(new ExecuteDeviceCommand(id, command, callerOf(principal), requestCorrelationId()));
  }
}
