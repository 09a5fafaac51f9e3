import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PrescriptionOpening, type PatientExportPart } from '../../personal-data/prescription-opening';
import { PrescriptionsRepository } from '../../projections/prescriptions.repository';
import { ExportPatientDataQuery } from './export-patient-data.query';

/** Every prescription of the patient, decrypted for them, and the identity the latest one holds. */
@QueryHandler(ExportPatientDataQuery)
export class ExportPatientDataHandler implements IQueryHandler<ExportPatientDataQuery, PatientExportPart> {
  constructor(
    private readonly prescriptions: PrescriptionsRepository,
    private readonly opening: PrescriptionOpening,
  ) {}

  async execute({ pseudonym }: ExportPatientDataQuery): Promise<PatientExportPart> {
    return this.opening.exportFor(pseudonym, await this.prescriptions.ofPatient(pseudonym));
  }
}
