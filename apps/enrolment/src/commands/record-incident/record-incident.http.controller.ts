import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import type { CommandContext } from '@app/event-sourcing';
import { ApiController, Create, CurrentContext, UuidParam } from '@app/service-kit';
import { Body } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { IncidentView } from '../incident-answer';
import { RecordIncidentCommand } from './record-incident.command';
import { RecordIncidentRequestDto } from './record-incident.request.dto';

@ApiController('v1/enrolments', 'enrolments')
export class RecordIncidentHttpController {
  constructor(private readonly commands: CommandBus) {}

  /** 201 the incident with its `id` and `responsibleParty`. */
  @Create(':id/connectivity-incidents')
  @Roles('operator')
  record(
    @UuidParam() id: string,
    @Body() incident: RecordIncidentRequestDto,
    @CurrentPrincipal() by: Principal,
    @CurrentContext() context: CommandContext,
  ): Promise<IncidentView> {
    return this.commands.execute(new RecordIncidentCommand({ enrolmentId: id, incident, by }, context));
  }
}
