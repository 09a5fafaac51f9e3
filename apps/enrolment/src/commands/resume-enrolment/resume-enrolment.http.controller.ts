import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import type { CommandContext } from '@app/event-sourcing';
import { Action, ApiController, CurrentContext, UuidParam } from '@app/service-kit';
import { CommandBus } from '@nestjs/cqrs';
import type { EnrolmentView } from '../../projections/enrolment-view';
import { ResumeEnrolmentCommand } from './resume-enrolment.command';

@ApiController('v1/enrolments', 'enrolments')
export class ResumeEnrolmentHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Action(':id/resumption')
  @Roles('operator', 'physician')
  resume(
    @UuidParam() id: string,
    @CurrentPrincipal() by: Principal,
    @CurrentContext() context: CommandContext,
  ): Promise<EnrolmentView> {
    return this.commands.execute(new ResumeEnrolmentCommand({ enrolmentId: id, by }, context));
  }
}
