import { addDays, addMonths } from '@app/fr-health';

/** A prescription's dates are days in Europe/Paris (`parisDate` of libs/fr-health). */
export { addDays, addMonths, parisDate } from '@app/fr-health';

/**
 * The last day a prescription covers: start + N months - 1 day, so a 6-month
 * prescription starting on 15 March covers 15 March to 14 September inclusive
 * and its renewal starts on 15 September.
 */
export const endDateOf = (startDate: string, durationMonths: number): string => addDays(addMonths(startDate, durationMonths), -1);

/** A renewal starts the day after the renewed one ends, or today when that day is past. */
export function renewalStartDate(renewedEndDate: string, today: string): string {
  const next = addDays(renewedEndDate, 1);
  return next > today ? next : today;
}
