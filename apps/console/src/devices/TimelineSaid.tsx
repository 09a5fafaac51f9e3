import { useTranslation } from 'react-i18next';
import { Day } from '../components/When';
import { formatDay } from '../format/dates';
import { useLanguage } from '../i18n/use-language';
import type { TimelineEntry } from './review-timeline';

/** What a step of the review said, a line each: the reasons, a certification's terms, indications and notes, a draft reopened. */
export function TimelineSaid({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation('devices');
  const language = useLanguage();
  const lines: string[] = [...entry.reasons];
  if (entry.lppCode && entry.validUntil) lines.push(t('timeline.terms', { lppCode: entry.lppCode, validUntil: formatDay(entry.validUntil, language) }));
  if (entry.certifiedIndications && entry.certifiedIndications.length > 0) {
    lines.push(t('timeline.indications', { indications: entry.certifiedIndications.map((code) => t(`common:indications.${code}`, { defaultValue: code })).join(', ') }));
  }
  if (entry.notes) lines.push(t('timeline.notes', { notes: entry.notes }));
  if (entry.reopenedFromRejection) lines.push(t('timeline.reopened'));
  if (lines.length === 0 && entry.type === 'DeviceCertificationExpired' && entry.validUntil) return <Day value={entry.validUntil} />;
  if (lines.length === 0) return <span>—</span>;
  if (lines.length === 1) return <>{lines[0]}</>;
  return (
    <ul className="plain">
      {lines.map((line, index) => (
        <li key={index}>{line}</li>
      ))}
    </ul>
  );
}
