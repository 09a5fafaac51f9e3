import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Busy } from '../../components/Busy';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DateTime } from '../../components/When';
import { OPERATOR_KEYS } from './enrolment-api';
import { Section } from '../../components/Section';
import { useEnrolmentApi } from './use-enrolments';

/** The enrolment's events, oldest first, each in words with who took the step (the history is not paged: an enrolment has few). */
export function HistorySection({ enrolmentId, version }: { enrolmentId: string; version: number }) {
  const { t } = useTranslation('operator');
  const enrolments = useEnrolmentApi();
  // Keyed by the version too: a step of another party (a rights answer) shows without a manual refresh.
  const history = useQuery({ queryKey: [...OPERATOR_KEYS.history(enrolmentId), version], queryFn: () => enrolments.history(enrolmentId) });
  return (
    <Section title={t('history.title')}>
      {history.isPending && <Busy />}
      <ErrorAlert error={history.error} />
      {history.data && (
        <table>
          <caption>{t('history.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('history.at')}</th>
              <th scope="col">{t('history.event')}</th>
              <th scope="col">{t('history.actor')}</th>
              <th scope="col">{t('history.version')}</th>
            </tr>
          </thead>
          <tbody>
            {history.data.items.map((item) => (
              <tr key={item.version}>
                <td>
                  <DateTime iso={item.occurredAt} />
                </td>
                <td>{t(`history.types.${item.type}`, { defaultValue: item.type })}</td>
                <td>{item.actor?.role && item.actor.role !== 'system' ? t(`common:roles.${item.actor.role}`, { defaultValue: item.actor.role }) : t('history.system')}</td>
                <td>{item.version}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}
