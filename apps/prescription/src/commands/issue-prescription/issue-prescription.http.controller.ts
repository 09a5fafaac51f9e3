import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import type { CommandContext } from '@app/event-sourcing';
import { ApiController, Create, CurrentContext } from '@app/service-kit';
import { Body } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { PrescriptionView } from '../../projections/prescription-view';
import { IssuePrescriptionCommand } from './issue-prescription.command';
import { IssuePrescriptionRequestDto } from './issue-prescription.request.dto';

@ApiController('v1/prescriptions', 'prescriptions')
export class IssuePrescriptionHttpController {
  constructor(private readonly commands: CommandBus) {}

  /** 201 the prescription, or 422 PRESCRIPTION.RULES_REFUSED with the evaluation and the audited attempt id. */
  @Create()
  @Roles('physician')
  issue(
    @Body() body: IssuePrescriptionRequestDto,
    @CurrentPrincipal() prescriber: Principal,
    @CurrentContext() context: CommandContext,
  ): Promise<PrescriptionView> {
    return this.commands.execute(new IssuePrescriptionCommand({ request: body, prescriber }, context));
  }
}
