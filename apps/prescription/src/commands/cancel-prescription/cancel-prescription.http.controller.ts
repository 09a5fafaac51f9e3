import { actorOf, CurrentPrincipal, Roles, type Principal } from '@app/auth';
import { CLOCK, type Clock } from '@app/service-kit';
import { Body, Controller, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { PrescriptionView } from '../../projections/prescription-view';
import { ExecutePrescriptionCommand } from '../execute-prescription-command.command';
import { requestCorrelationId } from '../prescription-caller';
import { CancellationRequestDto } from './cancellation.request.dto';

@ApiTags('prescriptions')
@ApiBearerAuth()
@Controller('v1/prescriptions')
export class CancelPrescriptionHttpController {
  constructor(
    @Inject(CommandBus) private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Its prescriber cancels a prescription, with a reason; the patient's slot for the indication is freed. */
  @Post(':id/cancellation')
  @HttpCode(200)
  @Roles('physician')
  cancel(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CancellationRequestDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PrescriptionView> {
    const command = { type: 'CancelPrescription' as const, reason: body.reason, actorRpps: principal.rpps, now: this.clock.now() };
    return this.commandBus.execute(
      new ExecutePrescriptionCommand(id, command, actorOf(principal), requestCorrelationId(), principal.rpps ?? ''),
    );
  }
}
