import { Query } from '@nestjs/cqrs';
import type { PatientErasureView } from '../../projections/patient-erasure-view';

export class GetErasureQuery extends Query<PatientErasureView> {
  constructor(readonly pseudonym: string) {
    super();
  }
}
