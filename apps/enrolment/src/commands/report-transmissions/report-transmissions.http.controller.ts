import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import type { CommandContext } from '@app/event-sourcing';
import { ApiController, CurrentContext, UuidParam } from '@app/service-kit';
import { Body, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ReportTransmissionsCommand, type TransmissionsAccepted } from './report-transmissions.command';
import { ReportTransmissionsRequestDto } from './report-transmissions.request.dto';

@ApiController('v1/enrolments', 'enrolments')
export class ReportTransmissionsHttpController {
  constructor(private readonly commands: CommandBus) {}

  /** 202 `{ accepted, latestAt }`: the silences they end or cut are incidents opened, moved or withdrawn, each audited. */
  @Post(':id/transmissions')
  @HttpCode(202)
  @Roles('operator')
  report(
    @UuidParam() id: string,
    @Body() { items }: ReportTransmissionsRequestDto,
    @CurrentPrincipal() by: Principal,
    @CurrentContext() context: CommandContext,
  ): Promise<TransmissionsAccepted> {
    return this.commands.execute(new ReportTransmissionsCommand({ enrolmentId: id, items, by }, context));
  }
}
