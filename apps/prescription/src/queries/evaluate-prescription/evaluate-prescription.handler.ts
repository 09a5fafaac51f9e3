import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Evaluation } from '../../domain/evaluation/evaluation.types';
import { PrescriptionEvaluator } from '../../evaluation/prescription-evaluator';
import { EvaluatePrescriptionQuery } from './evaluate-prescription.query';

/** The dry run: what the referential would say, issuing and auditing nothing. */
@QueryHandler(EvaluatePrescriptionQuery)
export class EvaluatePrescriptionHandler implements IQueryHandler<EvaluatePrescriptionQuery, Evaluation> {
  constructor(private readonly evaluator: PrescriptionEvaluator) {}

  async execute({ request, prescriber, now }: EvaluatePrescriptionQuery): Promise<Evaluation> {
    return (await this.evaluator.prepare(request, prescriber, now)).evaluation;
  }
}
