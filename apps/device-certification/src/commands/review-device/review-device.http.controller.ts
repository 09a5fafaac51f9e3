import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import { CLOCK, type Clock } from '@app/service-kit';
import { Body, Controller, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DeviceCommand } from '../../domain/device.commands';
import type { DeviceView } from '../../projections/device-view';
import { callerOf, requestCorrelationId } from '../device-caller';
import { ExecuteDeviceCommand } from '../execute-device-command.command';
import { ReviewDeviceRequestDto } from './review-device.request.dto';

@ApiTags('devices')
@ApiBearerAuth()
@Controller('v1/devices')
export class ReviewDeviceHttpController {
  constructor(
    @Inject(CommandBus) private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** An evaluation body certifies a SUBMITTED product, or rejects it with reasons. */
  @Post(':id/review')
  @HttpCode(200)
  @Roles('evaluator')
  review(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ReviewDeviceRequestDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DeviceView> {
    const base = { now: this.clock.now(), actorOrg: principal.org };
    const command: DeviceCommand =
      body.decision === 'CERTIFY'
        ? {
            ...base,
            type: 'CertifyDevice',
            validUntil: body.validUntil as string,
            lppCode: body.lppCode as string,
            certifiedIndications: body.certifiedIndications ?? [],
            notes: body.notes,
          }
        : { ...base, type: 'RejectDevice', reasons: body.reasons ?? [] };
    return this.commandBus.execute(new ExecuteDeviceCommand(id, command, callerOf(principal), requestCorrelationId()));
  }
}
