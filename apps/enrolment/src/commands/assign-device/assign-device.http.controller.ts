import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import type { CommandContext } from '@app/event-sourcing';
import { Action, ApiController, CurrentContext, UuidParam } from '@app/service-kit';
import { Body } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { EnrolmentView } from '../../projections/enrolment-view';
import { AssignDeviceCommand } from './assign-device.command';
import { AssignDeviceRequestDto } from './assign-device.request.dto';

@ApiController('v1/enrolments', 'enrolments')
export class AssignDeviceHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Action(':id/device')
  @Roles('operator')
  assign(
    @UuidParam() id: string,
    @Body() { serialNumber, udiDi }: AssignDeviceRequestDto,
    @CurrentPrincipal() by: Principal,
    @CurrentContext() context: CommandContext,
  ): Promise<EnrolmentView> {
    return this.commands.execute(new AssignDeviceCommand({ enrolmentId: id, serialNumber, udiDi, by }, context));
  }
}
