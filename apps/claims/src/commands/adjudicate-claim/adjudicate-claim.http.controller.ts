import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import type { CommandContext } from '@app/event-sourcing';
import { Action, ApiController, CurrentContext, UuidParam } from '@app/service-kit';
import { Body } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { ClaimView } from '../../projections/claim-view';
import { CLAIM_SEEING_ROLES } from '../claim-refusals';
import { AdjudicateClaimCommand } from './adjudicate-claim.command';
import { AdjudicateClaimRequestDto } from './adjudicate-claim.request.dto';

@ApiController('v1/claims', 'claims')
export class AdjudicateClaimHttpController {
  constructor(private readonly commands: CommandBus) {}

  /** A claims processor; another who sees the claim is a 403, one who does not a 404. */
  @Action(':id/adjudication')
  @Roles(...CLAIM_SEEING_ROLES)
  adjudicate(
    @UuidParam() id: string,
    @Body() request: AdjudicateClaimRequestDto,
    @CurrentPrincipal() by: Principal,
    @CurrentContext() context: CommandContext,
  ): Promise<ClaimView> {
    return this.commands.execute(new AdjudicateClaimCommand({ claimId: id, by, request }, context));
  }
}
