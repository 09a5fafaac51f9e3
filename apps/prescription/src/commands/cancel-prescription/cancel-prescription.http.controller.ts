import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import type { CommandContext } from '@app/event-sourcing';
import { Action, ApiController, CurrentContext, UuidParam } from '@app/service-kit';
import { Body } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { PrescriptionView } from '../../projections/prescription-view';
import { CancelPrescriptionCommand } from './cancel-prescription.command';
import { CancelPrescriptionRequestDto } from './cancel-prescription.request.dto';

@ApiController('v1/prescriptions', 'prescriptions')
export class CancelPrescriptionHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Action(':id/cancellation')
  @Roles('physician')
  cancel(
    @UuidParam() id: string,
    @Body() { reason }: CancelPrescriptionRequestDto,
    @CurrentPrincipal() prescriber: Principal,
    @CurrentContext() context: CommandContext,
  ): Promise<PrescriptionView> {
    return this.commands.execute(new CancelPrescriptionCommand({ prescriptionId: id, reason, prescriber }, context));
  }
}
