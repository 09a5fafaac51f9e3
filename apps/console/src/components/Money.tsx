import { formatEuros } from '../format/money';
import { useLanguage } from '../i18n/use-language';

/** An amount in euros from the API's integer cents. */
export function Money({ cents }: { cents: number }) {
  return <span className="money">{formatEuros(cents, useLanguage())}</span>;
}
