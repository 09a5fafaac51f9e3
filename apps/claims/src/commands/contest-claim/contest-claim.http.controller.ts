import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import type { CommandContext } from '@app/event-sourcing';
import { Action, ApiController, CurrentContext, UuidParam } from '@app/service-kit';
import { Body } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { ClaimView } from '../../projections/claim-view';
import { CLAIM_SEEING_ROLES } from '../claim-refusals';
import { ContestClaimCommand } from './contest-claim.command';
import { ContestClaimRequestDto } from './contest-claim.request.dto';

@ApiController('v1/claims', 'claims')
export class ContestClaimHttpController {
  constructor(private readonly commands: CommandBus) {}

  /** The payee org: an operator (OPERATOR line) or the exploitant's vendor account (TECHNICAL line); another who sees the claim is a 403. */
  @Action(':id/contest')
  @Roles(...CLAIM_SEEING_ROLES)
  contest(
    @UuidParam() id: string,
    @Body() { note }: ContestClaimRequestDto,
    @CurrentPrincipal() by: Principal,
    @CurrentContext() context: CommandContext,
  ): Promise<ClaimView> {
    return this.commands.execute(new ContestClaimCommand({ claimId: id, by, note }, context));
  }
}
