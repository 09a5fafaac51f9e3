import { intlLocale, type Language } from './locale';

/**
 * Euros from integer cents (API.md: money is integer cents). Formatted from
 * the integer's digits, never through a float's rounding: 1999 cents is
 * always "19,99 €".
 */
export function formatEuros(cents: number, language: Language): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`not an amount in cents: ${cents}`);
  const format = new Intl.NumberFormat(intlLocale(language), { style: 'currency', currency: 'EUR', minimumFractionDigits: 2 });
  // `${euros}.${cents}` as a string keeps the exact decimal: Intl formats string decimals exactly.
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(cents);
  const decimal = `${sign}${Math.floor(absolute / 100)}.${String(absolute % 100).padStart(2, '0')}`;
  return format.format(decimal as unknown as number);
}
