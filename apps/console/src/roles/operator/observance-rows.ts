import { intlLocale, type Language } from '../../format/locale';
import type { ObservanceMonth } from './enrolment-api';

/** Below this share of days with data, the prescriber is told (DOMAIN.md "Connectivity"). */
export const LOW_OBSERVANCE = 0.5;

export interface ObservanceRow extends ObservanceMonth {
  /** daysWithData / days, 0 when no day has elapsed. */
  ratio: number;
  /** As the user reads it: "67 %" in French, "67%" in English. */
  percent: string;
  low: boolean;
}

/**
 * The observance of the first two months of monitoring as the screen shows
 * it: each month's days with data over its days so far, as a percentage, and
 * whether it is below the 50 % at which the Assurance Maladie expects the
 * follow-up to be stopped or adapted.
 */
export function observanceRows(months: readonly ObservanceMonth[], language: Language): ObservanceRow[] {
  const format = new Intl.NumberFormat(intlLocale(language), { style: 'percent', maximumFractionDigits: 0 });
  return [...months]
    .sort((a, b) => a.month - b.month)
    .map((month) => {
      const ratio = month.days > 0 ? month.daysWithData / month.days : 0;
      return { ...month, ratio, percent: format.format(ratio), low: month.days > 0 && ratio < LOW_OBSERVANCE };
    });
}
