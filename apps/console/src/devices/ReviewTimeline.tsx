import { useTranslation } from 'react-i18next';
import { Busy } from '../components/Busy';
import { ErrorAlert } from '../components/ErrorAlert';
import { Section } from '../components/Section';
import { DateTime } from '../components/When';
import { reviewTimeline } from './review-timeline';
import { TimelineSaid } from './TimelineSaid';
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
                  <TimelineSaid entry={entry} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}
