import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import { CLOCK, type Clock } from '@app/service-kit';
import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import type { Evaluation } from '../../domain/evaluation/evaluation.types';
import { PrescriptionRequestDto } from '../issue-prescription/prescription.request.dto';
import { PrescriptionEvaluator } from '../prescription-evaluator';

@ApiTags('prescriptions')
@ApiBearerAuth()
@Controller('v1/prescriptions')
export class EvaluatePrescriptionHttpController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly evaluator: PrescriptionEvaluator,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The dry run: what the referential would say, issuing and auditing nothing. */
  @Post('evaluation')
  @HttpCode(200)
  @Roles('physician')
  async evaluate(@Body() body: PrescriptionRequestDto, @CurrentPrincipal() principal: Principal): Promise<Evaluation> {
    const { evaluation } = await this.evaluator.prepare(this.dataSource.manager, body, principal, this.clock.now());
    return evaluation;
  }
}
