import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PatientErrors } from '../../domain/patient.errors';
import { PatientErasuresRepository } from '../../projections/patient-erasures.repository';
import type { PatientErasureView } from '../../projections/patient-erasure-view';
import { GetErasureQuery } from './get-erasure.query';

/** The erasure of a patient, or 404: this service knows nothing of a patient who was never erased. */
@QueryHandler(GetErasureQuery)
export class GetErasureHandler implements IQueryHandler<GetErasureQuery, PatientErasureView> {
  constructor(private readonly erasures: PatientErasuresRepository) {}

  async execute({ pseudonym }: GetErasureQuery): Promise<PatientErasureView> {
    const erasure = await this.erasures.find(pseudonym);
    if (!erasure) throw PatientErrors.notErased(pseudonym);
    return erasure;
  }
}
