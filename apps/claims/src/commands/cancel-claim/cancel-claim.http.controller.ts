import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import type { CommandContext } from '@app/event-sourcing';
import { Action, ApiController, CurrentContext, UuidParam } from '@app/service-kit';
import { Body } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { ClaimView } from '../../projections/claim-view';
import { CancelClaimCommand } from './cancel-claim.command';
import { CancelClaimRequestDto } from './cancel-claim.request.dto';

@ApiController('v1/claims', 'claims')
export class CancelClaimHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Action(':id/cancellation')
  @Roles('admin')
  cancel(
    @UuidParam() id: string,
    @Body() { reason }: CancelClaimRequestDto,
    @CurrentPrincipal() by: Principal,
    @CurrentContext() context: CommandContext,
  ): Promise<ClaimView> {
    return this.commands.execute(new CancelClaimCommand({ claimId: id, by, reason }, context));
  }
}
