import { useTranslation } from 'react-i18next';
import { Busy } from '../components/Busy';
import { ErrorAlert } from '../components/ErrorAlert';
import { Section } from '../components/Section';
import { DateTime, Day } from '../components/When';
import { formatDay } from '../format/dates';
import { useLanguage } from '../i18n/use-language';
import { reviewTimeline, type TimelineEntry } from './review-timeline';
import { useDeviceHistory } from './use-devices';

/**
 * The product's review from its registration on, oldest first: each step,
 * who took it (by role: the evaluator's and the vendor's ids are not names),
 * and what was said (a rejection's reasons, a certification's terms).
 */
export function ReviewTimeline({ deviceId }: { deviceId: string }) {
  const { t } = useTranslation('devices');
  const history = useDeviceHistory(deviceId);
  return (
    <Section title={t('timeline.title')}>
      {history.isPending && <Busy />}
      <ErrorAlert error={history.error} />
      {history.data && (
        <table>
          <caption>{t('timeline.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('timeline.when')}</th>
              <th scope="col">{t('timeline.what')}</th>
              <th scope="col">{t('timeline.who')}</th>
              <th scope="col">{t('timeline.said')}</th>
            </tr>
          </thead>
          <tbody>
            {reviewTimeline(history.data).map((entry) => (
              <tr key={entry.version}>
                <td>
                  <DateTime iso={entry.occurredAt} />
                </td>
                <th scope="row">{t(`timeline.events.${entry.type}`, { defaultValue: entry.type })}</th>
                <td>{entry.actor.role && entry.actor.role !== 'system' ? t(`common:roles.${entry.actor.role}`, { defaultValue: entry.actor.role }) : t('timeline.system')}</td>
                <td>
                  <EntrySaid entry={entry} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

function EntrySaid({ entry }: { entry: TimelineEntry }) {
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
