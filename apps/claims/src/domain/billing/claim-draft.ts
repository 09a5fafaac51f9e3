import type { ClaimCreatedV1, FileActiveUsedV1 } from '@app/contracts';
import { addMonths } from '@app/fr-health';
import { amoRateOf, claimLines, claimTotals } from '../amounts/claim-amounts';
import { operatorLevelOf, technicalTranche, tariffInForce, type TariffTable, type TariffVersion } from '../tariffs/tariff-table';
import type { DeviceFacts, EnrolmentFacts, PrescriptionFact } from './billing-facts';
import { parisDaysOf } from './billable-days';
import { prescriptionTime } from './billable-time';
import { overlaps } from './intervals';
import type { Period } from './period';

export interface ClaimDraftInput {
  enrolment: EnrolmentFacts;
  device: DeviceFacts | null;
  period: Period;
  tariffs: TariffTable;
  fileActive: { semester: string; patients: number };
  ids: { claimId: string; billingRunId: string };
  now: Date;
  correctionOf?: string | null;
  dates: string[];
}

/** The prescription in force on the last billable day (the latest started, when a renewal overlaps), else the chain's last. */
export function prescriptionInForce(enrolment: EnrolmentFacts, period: Period, dates: readonly string[]): PrescriptionFact | null {
  const lastDay = parisDaysOf(period).find((day) => day.date === dates[dates.length - 1]);
  const covering = lastDay
    ? [...enrolment.prescriptions]
        .sort((a, b) => (a.startDate < b.startDate ? 1 : -1))
        .find((prescription) => {
          const time = prescriptionTime(prescription);
          return time !== null && overlaps([time], lastDay.span);
        })
    : undefined;
  return covering ?? enrolment.prescriptions.find((prescription) => prescription.prescriptionId === enrolment.prescriptionId) ?? null;
}

/** R162-100: no operator fee for a month that starts `operatorMaxMonths` or more after the prescription in force started. */
const operatorFeeDue = (version: TariffVersion, prescription: PrescriptionFact | null, period: Period): boolean =>
  prescription === null || period.firstDay < addMonths(prescription.startDate, version.operatorMaxMonths);

function pricing(input: ClaimDraftInput, version: TariffVersion | null, prescription: PrescriptionFact | null) {
  const { enrolment, device, period, fileActive } = input;
  if (!version) {
    const fileActiveUsed: FileActiveUsedV1 = { ...fileActive, trancheFromPatients: 0, trancheCents: 0 };
    return { lines: [], ratePercent: 0, tariffVersion: 'none', fileActive: fileActiveUsed };
  }
  const ratePercent = amoRateOf(enrolment.ald, version.amoRatePercent);
  const tranche = technicalTranche(version, fileActive.patients);
  const level = operatorLevelOf(version, enrolment.indication);
  const operator = level && operatorFeeDue(version, prescription, period) ? { code: level.code, payee: enrolment.operatorOrg, amountCents: level.amountCents } : null;
  const technical = { code: device?.lppCode ?? '', payee: device?.exploitant.siret ?? '', amountCents: tranche.amountCents };
  const fileActiveUsed: FileActiveUsedV1 = { ...fileActive, trancheFromPatients: tranche.fromPatients, trancheCents: tranche.amountCents };
  return { lines: claimLines({ operator, technical, ratePercent }), ratePercent, tariffVersion: version.version, fileActive: fileActiveUsed };
}

/** The claim of a month as the facts give it: two flat lines (no proration), priced by the tariff in force on its last day. */
export function claimDraft(input: ClaimDraftInput): ClaimCreatedV1 {
  const { enrolment, device, period, dates } = input;
  const prescription = prescriptionInForce(enrolment, period, dates);
  const priced = pricing(input, tariffInForce(input.tariffs, period), prescription);
  return {
    claimId: input.ids.claimId,
    enrolmentId: enrolment.enrolmentId,
    prescriptionId: prescription?.prescriptionId ?? enrolment.prescriptionId,
    prescriptionIds: [...enrolment.prescriptionIds],
    prescriberRpps: [...enrolment.prescriberRpps],
    device: { id: enrolment.deviceId, udiDi: device?.udiDi ?? enrolment.udiDi, lppCode: device?.lppCode ?? '' },
    // Empty once erased: validation rejects it IDENTITY_UNKNOWN.
    patient: { pseudonym: enrolment.pseudonym, identityEncrypted: enrolment.identityEncrypted ?? '' },
    indication: enrolment.indication,
    ald: enrolment.ald,
    period: period.id,
    billableDates: [...dates],
    billableDays: dates.length,
    lines: priced.lines,
    ...claimTotals(priced.lines),
    amoRatePercent: priced.ratePercent,
    tariffVersion: priced.tariffVersion,
    fileActive: priced.fileActive,
    correctionOf: input.correctionOf ?? null,
    billingRunId: input.ids.billingRunId,
    createdAt: input.now.toISOString(),
  };
}
