import type { Principal } from '@app/auth';
import { Query } from '@nestjs/cqrs';
import type { Evaluation } from '../../domain/evaluation/evaluation.types';
import type { PrescriptionRequestDto } from '../../evaluation/prescription.request.dto';

export class EvaluatePrescriptionQuery extends Query<Evaluation> {
  constructor(
    readonly request: PrescriptionRequestDto,
    readonly prescriber: Principal,
    /** The platform clock's reading for this request. */
    readonly now: Date,
  ) {
    super();
  }
}
