import { formatDateTime, formatDay, formatPeriod } from '../format/dates';
import { useLanguage } from '../i18n/use-language';

/** An instant, shown in Paris, the machine-readable value kept in <time>. */
export function DateTime({ iso }: { iso?: string }) {
  const language = useLanguage();
  if (!iso) return <span>—</span>;
  return <time dateTime={iso}>{formatDateTime(iso, language)}</time>;
}

/** A calendar day (a `YYYY-MM-DD` field, or an instant's day in Paris). */
export function Day({ value }: { value?: string }) {
  const language = useLanguage();
  if (!value) return <span>—</span>;
  return <time dateTime={value}>{formatDay(value, language)}</time>;
}

/** A billing period as its month. */
export function Period({ period }: { period: string }) {
  return <time dateTime={period}>{formatPeriod(period, useLanguage())}</time>;
}
