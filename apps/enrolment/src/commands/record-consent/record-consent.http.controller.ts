import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import type { CommandContext } from '@app/event-sourcing';
import { Action, ApiController, CurrentContext, UuidParam } from '@app/service-kit';
import { Body } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { EnrolmentView } from '../../projections/enrolment-view';
import { RecordConsentCommand } from './record-consent.command';
import { RecordConsentRequestDto } from './record-consent.request.dto';

@ApiController('v1/enrolments', 'enrolments')
export class RecordConsentHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Action(':id/consent')
  @Roles('patient', 'physician', 'operator')
  record(
    @UuidParam() id: string,
    @Body() consent: RecordConsentRequestDto,
    @CurrentPrincipal() by: Principal,
    @CurrentContext() context: CommandContext,
  ): Promise<EnrolmentView> {
    return this.commands.execute(new RecordConsentCommand({ enrolmentId: id, consent, by }, context));
  }
}
