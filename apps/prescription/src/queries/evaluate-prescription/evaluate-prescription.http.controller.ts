import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import { Action, ApiController, RequestNow } from '@app/service-kit';
import { Body } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Evaluation } from '../../domain/evaluation/evaluation.types';
import { EvaluatePrescriptionQuery } from './evaluate-prescription.query';
import { EvaluatePrescriptionRequestDto } from './evaluate-prescription.request.dto';

@ApiController('v1/prescriptions', 'prescriptions')
export class EvaluatePrescriptionHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Action('evaluation')
  @Roles('physician')
  evaluate(
    @Body() body: EvaluatePrescriptionRequestDto,
    @CurrentPrincipal() prescriber: Principal,
    @RequestNow() now: Date,
  ): Promise<Evaluation> {
    return this.queries.execute(new EvaluatePrescriptionQuery(body, prescriber, now));
  }
}
