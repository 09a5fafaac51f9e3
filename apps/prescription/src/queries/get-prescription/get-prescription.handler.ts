import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PrescriptionErrors } from '../../domain/prescription.errors';
import { PrescriptionOpening } from '../../personal-data/prescription-opening';
import { PrescriptionsRepository } from '../../projections/prescriptions.repository';
import type { PrescriptionView } from '../../projections/prescription-view';
import { GetPrescriptionQuery } from './get-prescription.query';

/** Another physician's prescription is a 404: its existence is not theirs to know. */
@QueryHandler(GetPrescriptionQuery)
export class GetPrescriptionHandler implements IQueryHandler<GetPrescriptionQuery, PrescriptionView> {
  constructor(private readonly prescriptions: PrescriptionsRepository, private readonly opening: PrescriptionOpening) {}

  async execute({ prescriptionId, viewer }: GetPrescriptionQuery): Promise<PrescriptionView> {
    const row = await this.prescriptions.findVisible(prescriptionId, viewer);
    if (!row) throw PrescriptionErrors.notFound(prescriptionId);
    return this.opening.viewFor(viewer, row);
  }
}
