import { Roles } from '@app/auth';
import type { CommandContext } from '@app/event-sourcing';
import { ApiController, CurrentContext, PseudonymParam } from '@app/service-kit';
import { Body, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ErasePatientCommand } from './erase-patient.command';
import type { ErasureAnswer } from './erasure-answer';
import { ErasePatientRequestDto } from './erase-patient.request.dto';

/** 202 (API.md "Patients"): the keys are destroyed now; each service purges what it derived when PatientErased reaches it. */
@ApiController('v1/patients', 'patients')
export class ErasePatientHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':pseudonym/erasure')
  @HttpCode(202)
  @Roles('admin')
  erase(
    @PseudonymParam() pseudonym: string,
    @Body() body: ErasePatientRequestDto,
    @CurrentContext() context: CommandContext,
  ): Promise<ErasureAnswer> {
    return this.commands.execute(new ErasePatientCommand({ pseudonym, legalBasis: body.legalBasis, note: body.note }, context));
  }
}
