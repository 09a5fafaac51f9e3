import type { IssuePrescriptionCommand as IssueDecision } from '../../domain/prescription.commands';
import type { Evaluation, Override } from '../../domain/evaluation/evaluation.types';
import type { PrescriptionSeals } from '../../personal-data/prescription-sealing';
import type { PreparedEvaluation } from '../../evaluation/prescription-evaluator';
import type { PrescriptionRequestDto } from '../../evaluation/prescription.request.dto';

/** The decider's command for an accepted request: what the prescription is, what it was evaluated on, its personal data sealed. */
export function issueDecision(
  id: string,
  request: PrescriptionRequestDto,
  prepared: PreparedEvaluation,
  evaluation: Evaluation,
  accepted: Override[],
  seals: PrescriptionSeals,
  now: Date,
): IssueDecision {
  const { input, device } = prepared;
  const { nir, birthDate, familyName, givenNames, sex } = request.patient;
  return {
    type: 'IssuePrescription',
    now,
    evaluation,
    requestedOverrides: request.overrides ?? [],
    sealedJustifications: Object.fromEntries(accepted.map(({ ruleId, justification }) => [ruleId, seals.justification(ruleId, justification)])),
    device,
    prescription: {
      prescriptionId: id,
      prescriber: input.prescriber,
      patient: {
        pseudonym: prepared.patientPseudonym,
        identityEncrypted: seals.identity({ nir, birthDate, familyName, givenNames, sex }),
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
