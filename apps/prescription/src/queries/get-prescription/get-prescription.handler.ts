import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { PatientIdentityCipher } from '../../commands/patient-identity.cipher';
import { PrescriptionErrors } from '../../domain/prescription.errors';
import type { PrescriptionView } from '../../projections/prescription-view';
import { prescriberFilterOf, viewFor, type PrescriptionRow } from '../prescription-reader';
import { GetPrescriptionQuery } from './get-prescription.query';

@QueryHandler(GetPrescriptionQuery)
export class GetPrescriptionHandler implements IQueryHandler<GetPrescriptionQuery, PrescriptionView> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly identity: PatientIdentityCipher,
  ) {}

  /** Another physician's prescription is a 404: its existence is not theirs to know. */
  async execute({ prescriptionId, viewer }: GetPrescriptionQuery): Promise<PrescriptionView> {
    const [row] = (await this.dataSource.query(
      'SELECT resource, prescriber_rpps, identity_encrypted FROM prescriptions WHERE id = $1',
      [prescriptionId],
    )) as PrescriptionRow[];
    const prescriber = prescriberFilterOf(viewer);
    if (!row || (prescriber !== null && row.prescriber_rpps !== prescriber)) throw PrescriptionErrors.notFound(prescriptionId);
    return viewFor(viewer, row, this.identity);
  }
}
