import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import type { CommandContext } from '@app/event-sourcing';
import { Action, ApiController, CurrentContext, UuidParam } from '@app/service-kit';
import { Body } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { EnrolmentView } from '../../projections/enrolment-view';
import { ActivateEnrolmentCommand } from './activate-enrolment.command';
import { ActivateEnrolmentRequestDto } from './activate-enrolment.request.dto';

@ApiController('v1/enrolments', 'enrolments')
export class ActivateEnrolmentHttpController {
  constructor(private readonly commands: CommandBus) {}

  /** 200 ACTIVE; 409 ENROLMENT.CONSENT_REQUIRED; 422 ENROLMENT.ACTIVATION_REFUSED naming every unmet requirement. */
  @Action(':id/activation')
  @Roles('operator')
  activate(
    @UuidParam() id: string,
    @Body() { activatedAt }: ActivateEnrolmentRequestDto,
    @CurrentPrincipal() by: Principal,
    @CurrentContext() context: CommandContext,
  ): Promise<EnrolmentView> {
    return this.commands.execute(new ActivateEnrolmentCommand({ enrolmentId: id, activatedAt, by }, context));
  }
}
