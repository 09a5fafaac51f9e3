import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { PrescriptionView } from '../../projections/prescription-view';
import { requestCorrelationId } from '../prescription-caller';
import { IssuePrescription } from './issue-prescription.command';
import { PrescriptionRequestDto } from './prescription.request.dto';

@ApiTags('prescriptions')
@ApiBearerAuth()
@Controller('v1/prescriptions')
export class IssuePrescriptionHttpController {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  /** 201 the prescription, or 422 PRESCRIPTION.RULES_REFUSED with the evaluation and the audited attempt id. */
  @Post()
  @HttpCode(201)
  @Roles('physician')
  issue(@Body() body: PrescriptionRequestDto, @CurrentPrincipal() principal: Principal): Promise<PrescriptionView> {
    return this.commandBus.execute(new IssuePrescription(body, principal, requestCorrelationId()));
  }
}
