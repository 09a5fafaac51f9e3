import type { Principal } from '@app/auth';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DeviceFacts } from '../domain/device-facts/certification-fact';
import { deviceFactsAt } from '../domain/device-facts/device-facts-at';
import { evaluatePrescription } from '../domain/evaluation/evaluate-prescription';
import type { Evaluation } from '../domain/evaluation/evaluation.types';
import type { EvaluationInput } from '../domain/has-rules/rule.types';
import { endDateOf, parisDate, renewalStartDate } from '../domain/prescription-dates';
import { PrescriptionErrors } from '../domain/prescription.errors';
import { referentialInForce } from '../domain/referential/referentials';
import { renewalProblem, type RenewedPrescription } from '../domain/renewal';
import { CertifiedDeviceHistory } from '../projections/certified-device-history.repository';
import type { PrescriptionRequestDto } from './issue-prescription/prescription.request.dto';
import { PatientIdentityCipher } from './patient-identity.cipher';

export interface PreparedEvaluation {
  input: EvaluationInput;
  evaluation: Evaluation;
  device: DeviceFacts | null;
  patientPseudonym: string;
}

/**
 * Gathers the facts a prescription is evaluated on (the device's certification
 * at this instant, the patient's issued prescriptions, the renewed one) and
 * runs the referential in force. Shared by the dry run and the issue.
 */
@Injectable()
export class PrescriptionEvaluator {
  constructor(private readonly identity: PatientIdentityCipher) {}

  async prepare(manager: EntityManager, request: PrescriptionRequestDto, principal: Principal, now: Date): Promise<PreparedEvaluation> {
    // The platform clock's calendar day in Europe/Paris: a prescription cannot be back- or post-dated.
    const today = parisDate(now);
    if (request.patient.birthDate > today) throw PrescriptionErrors.birthDateInFuture();
    const patientPseudonym = this.identity.pseudonymOf(request.patient.nir);
    const renewalOf = request.renewalOf ?? null;
    let startDate = today;
    if (renewalOf) {
      const renewed = await this.renewed(manager, renewalOf);
      const problem = renewalProblem(renewed, { renewalOf, patientPseudonym, indication: request.indication, deviceId: request.deviceId });
      if (problem) throw PrescriptionErrors.invalidRenewal(problem);
      startDate = renewalStartDate((renewed as RenewedPrescription).endDate, today);
    }
    const device = deviceFactsAt(request.deviceId, await CertifiedDeviceHistory.factsOf(manager, request.deviceId), now);
    const issued = (await manager.query(
      `SELECT id FROM prescriptions WHERE patient_pseudonym = $1 AND indication = $2 AND status = 'ISSUED'`,
      [patientPseudonym, request.indication],
    )) as Array<{ id: string }>;
    const input: EvaluationInput = {
      prescriptionDate: today,
      prescriber: { rpps: principal.rpps ?? '', specialty: principal.specialty ?? '' },
      patient: { birthDate: request.patient.birthDate, homeCellularCoverage: request.patient.homeCellularCoverage, ald: request.patient.ald },
      indication: request.indication,
      monitoringMode: request.monitoringMode,
      durationMonths: request.durationMonths,
      renewalOf,
      startDate,
      endDate: endDateOf(startDate, request.durationMonths),
      device,
      clinical: { ...request.clinical },
      issuedForSameIndication: issued.map((row) => row.id),
    };
    return { input, evaluation: evaluatePrescription(input, referentialInForce(today)), device, patientPseudonym };
  }

  private async renewed(manager: EntityManager, id: string): Promise<RenewedPrescription | null> {
    const [row] = (await manager.query(
      `SELECT id, status, patient_pseudonym, indication, device_id, to_char(end_date, 'YYYY-MM-DD') AS end_date FROM prescriptions WHERE id = $1`,
      [id],
    )) as Array<{ id: string; status: RenewedPrescription['status']; patient_pseudonym: string; indication: RenewedPrescription['indication']; device_id: string; end_date: string }>;
    if (!row) return null;
    return {
      id: row.id,
      status: row.status,
      patientPseudonym: row.patient_pseudonym,
      indication: row.indication,
      deviceId: row.device_id,
      endDate: row.end_date,
    };
  }
}
