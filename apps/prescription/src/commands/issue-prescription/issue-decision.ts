import type { IssuePrescriptionCommand as IssueDecision } from '../../domain/prescription.commands';
import type { Evaluation } from '../../domain/evaluation/evaluation.types';
import type { PreparedEvaluation } from '../../evaluation/prescription-evaluator';
import type { PrescriptionRequestDto } from '../../evaluation/prescription.request.dto';

/** The decider's command for an accepted request: what the prescription is, and what it was evaluated on. */
export function issueDecision(
  id: string,
  request: PrescriptionRequestDto,
  prepared: PreparedEvaluation,
  evaluation: Evaluation,
  identityEncrypted: string,
  now: Date,
): IssueDecision {
  const { input, device } = prepared;
  return {
    type: 'IssuePrescription',
    now,
    evaluation,
    requestedOverrides: request.overrides ?? [],
    device,
    prescription: {
      prescriptionId: id,
      prescriber: input.prescriber,
      patient: {
        pseudonym: prepared.patientPseudonym,
        identityEncrypted,
        ald: request.patient.ald,
        homeCellularCoverage: request.patient.homeCellularCoverage,
      },
      operatorOrg: request.operatorOrg,
      device: { id: request.deviceId, udiDi: device?.udiDi ?? '' },
      indication: request.indication,
      monitoringMode: request.monitoringMode,
      durationMonths: request.durationMonths,
      startDate: input.startDate,
      endDate: input.endDate,
      renewalOf: input.renewalOf,
    },
  };
}
