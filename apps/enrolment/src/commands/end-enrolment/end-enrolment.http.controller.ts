import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import type { CommandContext } from '@app/event-sourcing';
import { Action, ApiController, CurrentContext, UuidParam } from '@app/service-kit';
import { Body } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { EnrolmentView } from '../../projections/enrolment-view';
import { EndEnrolmentCommand } from './end-enrolment.command';
import { EndEnrolmentRequestDto } from './end-enrolment.request.dto';

@ApiController('v1/enrolments', 'enrolments')
export class EndEnrolmentHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Action(':id/end')
  @Roles('operator', 'physician')
  end(
    @UuidParam() id: string,
    @Body() { reason }: EndEnrolmentRequestDto,
    @CurrentPrincipal() by: Principal,
    @CurrentContext() context: CommandContext,
  ): Promise<EnrolmentView> {
    return this.commands.execute(new EndEnrolmentCommand({ enrolmentId: id, reason, by }, context));
  }
}
