import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import type { CommandContext } from '@app/event-sourcing';
import { ApiController, CurrentContext, UuidParam } from '@app/service-kit';
import { Body, Patch } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { IncidentView } from '../incident-answer';
import { UpdateIncidentCommand } from './update-incident.command';
import { UpdateIncidentRequestDto } from './update-incident.request.dto';

@ApiController('v1/enrolments', 'enrolments')
export class UpdateIncidentHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Patch(':id/connectivity-incidents/:incidentId')
  @Roles('operator')
  update(
    @UuidParam() id: string,
    @UuidParam('incidentId') incidentId: string,
    @Body() change: UpdateIncidentRequestDto,
    @CurrentPrincipal() by: Principal,
    @CurrentContext() context: CommandContext,
  ): Promise<IncidentView> {
    return this.commands.execute(new UpdateIncidentCommand({ enrolmentId: id, incidentId, change, by }, context));
  }
}
