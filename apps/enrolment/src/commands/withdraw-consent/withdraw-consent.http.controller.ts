import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import type { CommandContext } from '@app/event-sourcing';
import { Action, ApiController, CurrentContext, UuidParam } from '@app/service-kit';
import { CommandBus } from '@nestjs/cqrs';
import type { EnrolmentView } from '../../projections/enrolment-view';
import { WithdrawConsentCommand } from './withdraw-consent.command';

@ApiController('v1/enrolments', 'enrolments')
export class WithdrawConsentHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Action(':id/consent-withdrawal')
  @Roles('patient', 'physician', 'operator')
  withdraw(
    @UuidParam() id: string,
    @CurrentPrincipal() by: Principal,
    @CurrentContext() context: CommandContext,
  ): Promise<EnrolmentView> {
    return this.commands.execute(new WithdrawConsentCommand({ enrolmentId: id, by }, context));
  }
}
