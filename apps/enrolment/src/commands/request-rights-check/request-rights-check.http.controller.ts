import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import type { CommandContext } from '@app/event-sourcing';
import { ApiController, CurrentContext, UuidParam } from '@app/service-kit';
import { HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { EnrolmentView } from '../../projections/enrolment-view';
import { RequestRightsCheckCommand } from './request-rights-check.command';

@ApiController('v1/enrolments', 'enrolments')
export class RequestRightsCheckHttpController {
  constructor(private readonly commands: CommandBus) {}

  /** 202: the AMO is asked again; the enrolment answered shows rights PENDING until its answer is recorded. */
  @Post(':id/rights-check')
  @HttpCode(202)
  @Roles('operator')
  request(@UuidParam() id: string, @CurrentPrincipal() by: Principal, @CurrentContext() context: CommandContext): Promise<EnrolmentView> {
    return this.commands.execute(new RequestRightsCheckCommand({ enrolmentId: id, by }, context));
  }
}
