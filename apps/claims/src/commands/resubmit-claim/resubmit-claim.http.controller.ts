import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import type { CommandContext } from '@app/event-sourcing';
import { Action, ApiController, CurrentContext, UuidParam } from '@app/service-kit';
import { CommandBus } from '@nestjs/cqrs';
import type { ClaimView } from '../../projections/claim-view';
import { ResubmitClaimCommand } from './resubmit-claim.command';

@ApiController('v1/claims', 'claims')
export class ResubmitClaimHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Action(':id/resubmission')
  @Roles('admin')
  resubmit(@UuidParam() id: string, @CurrentPrincipal() by: Principal, @CurrentContext() context: CommandContext): Promise<ClaimView> {
    return this.commands.execute(new ResubmitClaimCommand({ claimId: id, by }, context));
  }
}
