import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import type { CommandContext } from '@app/event-sourcing';
import { Action, ApiController, CurrentContext, UuidParam } from '@app/service-kit';
import { Body } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { EnrolmentView } from '../../projections/enrolment-view';
import { SuspendEnrolmentCommand } from './suspend-enrolment.command';
import { SuspendEnrolmentRequestDto } from './suspend-enrolment.request.dto';

@ApiController('v1/enrolments', 'enrolments')
export class SuspendEnrolmentHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Action(':id/suspension')
  @Roles('operator', 'physician')
  suspend(
    @UuidParam() id: string,
    @Body() { reason }: SuspendEnrolmentRequestDto,
    @CurrentPrincipal() by: Principal,
    @CurrentContext() context: CommandContext,
  ): Promise<EnrolmentView> {
    return this.commands.execute(new SuspendEnrolmentCommand({ enrolmentId: id, reason, by }, context));
  }
}
