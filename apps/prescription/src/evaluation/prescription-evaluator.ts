import type { Principal } from '@app/auth';
import type { Transaction } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';
import type { DeviceFacts } from '../domain/device-facts/certification-fact';
import { deviceFactsAt } from '../domain/device-facts/device-facts-at';
import { evaluatePrescription } from '../domain/evaluation/evaluate-prescription';
import type { Evaluation } from '../domain/evaluation/evaluation.types';
import type { EvaluationInput } from '../domain/has-rules/rule.types';
import { endDateOf, parisDate, renewalStartDate } from '../domain/prescription-dates';
import { PrescriptionErrors } from '../domain/prescription.errors';
import { referentialInForce } from '../domain/referential/referentials';
import { renewalRefusal, type RenewedPrescription } from '../domain/renewal';
import { PatientPseudonyms } from '../personal-data/patient-pseudonyms';
import { CertifiedDeviceHistoryRepository } from '../projections/certified-device-history.repository';
import { PrescriptionsRepository } from '../projections/prescriptions.repository';
import type { PrescriptionRequestDto } from './prescription.request.dto';

export interface PreparedEvaluation {
  input: EvaluationInput;
  evaluation: Evaluation;
  device: DeviceFacts | null;
  patientPseudonym: string;
}

/**
 * Gathers the facts a prescription is evaluated on (the device's certification
 * at this instant, the patient's issued prescriptions, the renewed one) and
 * runs the referential in force. Shared by the dry run and the issue (which
 * reads them in its own transaction).
 */
@Injectable()
export class PrescriptionEvaluator {
  constructor(
    private readonly pseudonyms: PatientPseudonyms,
    private readonly prescriptions: PrescriptionsRepository,
    private readonly deviceHistory: CertifiedDeviceHistoryRepository,
  ) {}

  async prepare(request: PrescriptionRequestDto, prescriber: Principal, now: Date, tx?: Transaction): Promise<PreparedEvaluation> {
    // The platform clock's calendar day in Europe/Paris: a prescription cannot be back- or post-dated.
    const today = parisDate(now);
    if (request.patient.birthDate > today) throw PrescriptionErrors.birthDateInFuture();
    const patientPseudonym = this.pseudonyms.of(request.patient.nir);
    const renewalOf = request.renewalOf ?? null;
    let startDate = today;
    if (renewalOf) {
      const renewed = await this.prescriptions.renewable(renewalOf, tx);
      const { indication, deviceId, operatorOrg } = request;
      const refusal = renewalRefusal(renewed, { renewalOf, patientPseudonym, indication, deviceId, operatorOrg }, prescriber.rpps);
      if (refusal) throw PrescriptionErrors.invalidRenewal(refusal);
      startDate = renewalStartDate((renewed as RenewedPrescription).endDate, today);
    }
    const device = deviceFactsAt(request.deviceId, await this.deviceHistory.factsOf(request.deviceId, tx), now);
    const input: EvaluationInput = {
      prescriptionDate: today,
      prescriber: { rpps: prescriber.rpps ?? '', specialty: prescriber.specialty ?? '' },
      patient: { birthDate: request.patient.birthDate, homeCellularCoverage: request.patient.homeCellularCoverage, ald: request.patient.ald },
      indication: request.indication,
      monitoringMode: request.monitoringMode,
      durationMonths: request.durationMonths,
      renewalOf,
      startDate,
      endDate: endDateOf(startDate, request.durationMonths),
      device,
      clinical: { ...request.clinical },
      issuedForSameIndication: await this.prescriptions.issuedFor(patientPseudonym, request.indication, tx),
    };
    return { input, evaluation: evaluatePrescription(input, referentialInForce(today)), device, patientPseudonym };
  }
}
