import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import { CLOCK, type Clock } from '@app/service-kit';
import { Body, Controller, Inject, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DeviceView } from '../../projections/device-view';
import { callerOf, requestCorrelationId } from '../device-caller';
import { ExecuteDeviceCommand } from '../execute-device-command.command';
import { DeviceProductRequestDto } from '../register-device/device-product.request.dto';

@ApiTags('devices')
@ApiBearerAuth()
@Controller('v1/devices')
export class UpdateDeviceHttpController {
  constructor(
    @Inject(CommandBus) private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Its vendor edits a DRAFT, or a REJECTED product, which returns it to DRAFT. */
  @Put(':id')
  @Roles('vendor')
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: DeviceProductRequestDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DeviceView> {
    const command = { type: 'UpdateDevice' as const, product: body, now: this.clock.now(), actorOrg: principal.org };
    return this.commandBus.execute(new ExecuteDeviceCommand(id, command, callerOf(principal), requestCorrelationId()));
  }
}
