import { addDays, parisMidnight } from '@app/fr-health';
import type { DeviceFacts, EnrolmentFacts } from './billing-facts';
import { activeTimes, consentTimes, lostTimes, prescriptionTimes } from './billable-time';
import { certificationTimes } from './certification-in-force';
import { covers, intersectAll, overlaps, type Interval } from './intervals';
import { daysOf, type Period } from './period';

export interface ParisDay {
  date: string;
  /** [its midnight, the next one): 23 or 25 hours on the days the clocks change. */
  span: Interval;
}

// A run bills thousands of enrolments of the same month: its days are worked out once.
const DAYS = new Map<string, ParisDay[]>();

export function parisDaysOf(period: Period): ParisDay[] {
  let days = DAYS.get(period.id);
  if (!days) {
    days = daysOf(period).map((date) => ({ date, span: { start: parisMidnight(date).getTime(), end: parisMidnight(addDays(date, 1)).getTime() } }));
    DAYS.set(period.id, days);
  }
  return days;
}

/** When every condition of a billable instant holds at once: active, consent, a prescription issued, the certification in force. */
export const billableTimes = (enrolment: EnrolmentFacts, device: DeviceFacts | null): Interval[] =>
  intersectAll(activeTimes(enrolment), consentTimes(enrolment), prescriptionTimes(enrolment), certificationTimes(device));

/**
 * The billable Paris days of the period (DOMAIN.md "Reimbursement"): at some
 * instant of the day everything held at once, and the day is not wholly
 * inside the incidents the patient (or an unknown cause) answers for. Network
 * and device faults take no day: the patient is not penalised for them.
 */
export function billableDates(enrolment: EnrolmentFacts, device: DeviceFacts | null, period: Period): string[] {
  const billable = billableTimes(enrolment, device);
  const lost = lostTimes(enrolment);
  return parisDaysOf(period)
    .filter((day) => overlaps(billable, day.span) && !covers(lost, day.span))
    .map((day) => day.date);
}
