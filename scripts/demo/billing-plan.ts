import { addDays, daysBetween, parisDate, parisMidnight } from '@app/fr-health';

/** Platform policy of DOMAIN.md (claims' MINIMUM_BILLABLE_DAYS default). */
export const MINIMUM_BILLABLE_DAYS = 10;

/**
 * How far past the billed month's end the demo asks the platform's clock to
 * be: far enough that a restart a little later still lands after the end,
 * and well inside BILLING_GRACE_HOURS (24), so the demo's admin starts the
 * run after the late transmissions are in, rather than the every-minute job
 * before them.
 */
export const TARGET_AFTER_PERIOD_END_MS = 2 * 3_600_000;

/** The month the demo bills, and when the platform's clock is far enough to bill it. */
export interface BillingPlan {
  /** YYYY-MM, a calendar month in Europe/Paris. */
  period: string;
  /** First and last Paris day of the month that count (the activation's day when it falls in the month). */
  firstBillableDay: string;
  lastDay: string;
  /** Billable days if every day of monitoring counts (the demo removes none). */
  billableDays: number;
  /** The instant the month is over: the next month's first Paris midnight. */
  periodEnd: string;
  /** The platform time the demo asks for: the period's end plus a margin. */
  target: string;
}

const monthAfter = (period: string): string => {
  const [year, month] = period.split('-').map(Number);
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
};

/** The last Paris day of a YYYY-MM month. */
export const lastDayOf = (period: string): string => addDays(`${monthAfter(period)}-01`, -1);

/**
 * The month to bill for a monitoring activated at `activatedAt`: its own
 * month when enough days of it remain (the activation's day counts: the
 * enrolment is active at some instant of it), else the next one, whole.
 */
export function planBilling(activatedAt: Date, minimumDays = MINIMUM_BILLABLE_DAYS): BillingPlan {
  const activationDay = parisDate(activatedAt);
  const current = activationDay.slice(0, 7);
  const remaining = daysBetween(activationDay, lastDayOf(current)) + 1;
  const period = remaining >= minimumDays ? current : monthAfter(current);
  const firstBillableDay = period === current ? activationDay : `${period}-01`;
  const lastDay = lastDayOf(period);
  const periodEnd = parisMidnight(`${monthAfter(period)}-01`);
  return {
    period,
    firstBillableDay,
    lastDay,
    billableDays: daysBetween(firstBillableDay, lastDay) + 1,
    periodEnd: periodEnd.toISOString(),
    target: new Date(periodEnd.getTime() + TARGET_AFTER_PERIOD_END_MS).toISOString(),
  };
}

/** Whether a Paris day (YYYY-MM-DD) of the platform's clock is past the billed month. */
export const periodOverOn = (plan: Pick<BillingPlan, 'lastDay'>, platformDay: string): boolean => platformDay > plan.lastDay;
