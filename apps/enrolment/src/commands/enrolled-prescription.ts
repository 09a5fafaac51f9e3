import type { EnrolledPrescriptionV1, PrescriptionIssuedV1 } from '@app/contracts';

/** What an enrolment keeps of an issued prescription: no identity, no clinical data, no justification. */
export const enrolledPrescription = (issued: PrescriptionIssuedV1): EnrolledPrescriptionV1 => ({
  prescriptionId: issued.prescriptionId,
  prescriberRpps: issued.prescriber.rpps,
  operatorOrg: issued.operatorOrg,
  device: issued.device,
  indication: issued.indication,
  monitoringMode: issued.monitoringMode,
  startDate: issued.startDate,
  endDate: issued.endDate,
  ald: issued.patient.ald,
  homeCoverageOverridden: issued.overrides.some((override) => override.ruleId === 'HOME_COVERAGE'),
});
