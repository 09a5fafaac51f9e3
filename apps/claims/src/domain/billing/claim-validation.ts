import type { ClaimCreatedV1 } from '@app/contracts';
import type { ReasonCode } from '../reason-codes';
import { tariffInForce, type TariffTable } from '../tariffs/tariff-table';
import type { DeviceFacts, EnrolmentFacts } from './billing-facts';
import { billableDates, parisDaysOf } from './billable-days';
import { consentTimes } from './billable-time';
import { certificationTimes } from './certification-in-force';
import { overlaps } from './intervals';
import type { Period } from './period';

export interface ClaimValidationInput {
  claim: ClaimCreatedV1;
  enrolment: EnrolmentFacts;
  device: DeviceFacts | null;
  period: Period;
  tariffs: TariffTable;
  minimumDays: number;
}

/** A consent given and not withdrawn at some moment of the period. */
export const consentDuring = (enrolment: EnrolmentFacts, period: Period): boolean =>
  overlaps(consentTimes(enrolment), { start: period.from.getTime(), end: period.to.getTime() });

/** The device's code is one the tariff in force lists for the indication, under that very version. */
function tariffMatches(input: ClaimValidationInput): boolean {
  const version = tariffInForce(input.tariffs, input.period);
  if (!version || version.version !== input.claim.tariffVersion || !input.device?.lppCode) return false;
  return input.device.lppCode === input.claim.device.lppCode && version.technical.lppCodes[input.claim.indication].includes(input.device.lppCode);
}

/**
 * The checks before submission, against the facts as they are now (the
 * claim's days are computed again, not trusted). The first failing one, in
 * this order, is the claim's rejection reason; null: it may be submitted.
 * A failing claim is kept, rejected, never dropped.
 */
export function validateClaim(input: ClaimValidationInput): { reasonCode: ReasonCode } | null {
  const { claim, enrolment, device, period } = input;
  // The AMO needs the identity: after the patient's erasure there is none to send.
  if (enrolment.identityEncrypted === null || claim.patient.identityEncrypted === '') return { reasonCode: 'IDENTITY_UNKNOWN' };
  if (!consentDuring(enrolment, period)) return { reasonCode: 'NO_CONSENT' };
  if (enrolment.rightsStatus === 'CLOSED') return { reasonCode: 'RIGHTS_CLOSED' };
  if (!tariffMatches(input)) return { reasonCode: 'TARIFF_MISMATCH' };
  const days = new Map(parisDaysOf(period).map((day) => [day.date, day.span]));
  const certified = certificationTimes(device);
  if (claim.billableDates.some((date) => !days.has(date) || !overlaps(certified, days.get(date)!))) return { reasonCode: 'CERTIFICATION_LAPSED' };
  const recomputed = new Set(billableDates(enrolment, device, period));
  const daysHold = claim.billableDates.every((date) => recomputed.has(date)) && claim.billableDays === claim.billableDates.length;
  if (!daysHold || claim.billableDays < input.minimumDays) return { reasonCode: 'NOT_BILLABLE_DAYS' };
  return null;
}
