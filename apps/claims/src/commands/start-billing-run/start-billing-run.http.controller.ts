import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import type { CommandContext } from '@app/event-sourcing';
import { ApiController, CurrentContext } from '@app/service-kit';
import { Body, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { StartBillingRunCommand, type QueuedBillingRun } from './start-billing-run.command';
import { StartBillingRunRequestDto } from './start-billing-run.request.dto';

@ApiController('v1/billing-runs', 'billing-runs')
export class StartBillingRunHttpController {
  constructor(private readonly commands: CommandBus) {}

  /** 202: the run is queued; `GET /v1/billing-runs/:id` shows its progress. */
  @Post()
  @HttpCode(202)
  @Roles('admin')
  start(@Body() { period }: StartBillingRunRequestDto, @CurrentPrincipal() by: Principal, @CurrentContext() context: CommandContext): Promise<QueuedBillingRun> {
    return this.commands.execute(new StartBillingRunCommand({ period, by }, context));
  }
}
