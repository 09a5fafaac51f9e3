import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import { CLOCK, type Clock } from '@app/service-kit';
import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { v7 as uuidv7 } from 'uuid';
import type { DeviceView } from '../../projections/device-view';
import { callerOf, requestCorrelationId } from '../device-caller';
import { ExecuteDeviceCommand } from '../execute-device-command.command';
import { DeviceProductRequestDto } from './device-product.request.dto';

@ApiTags('devices')
@ApiBearerAuth()
@Controller('v1/devices')
export class RegisterDeviceHttpController {
  constructor(
    @Inject(CommandBus) private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** A vendor registers one of its products as a DRAFT. */
  @Post()
  @HttpCode(201)
  @Roles('vendor')
  register(@Body() body: DeviceProductRequestDto, @CurrentPrincipal() principal: Principal): Promise<DeviceView> {
    const deviceId = uuidv7();
    const command = { type: 'RegisterDevice' as const, deviceId, product: body, now: this.clock.now(), actorOrg: principal.org };
    return this.commandBus.execute(new ExecuteDeviceCommand(deviceId, command, callerOf(principal), requestCorrelationId()));
  }
}
