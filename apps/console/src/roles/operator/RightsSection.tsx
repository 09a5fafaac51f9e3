import { useTranslation } from 'react-i18next';
import { Busy } from '../../components/Busy';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DateTime } from '../../components/When';
import type { Enrolment } from './enrolment-api';
import { Done, Section } from '../../components/Section';
import { useEnrolmentApi, useEnrolmentWrite } from './use-enrolments';

/**
 * The patient's AMO rights as the Assurance Maladie last answered, and the
 * request to ask again (202: the answer comes later, the screen polls while
 * it is PENDING).
 */
export function RightsSection({ enrolment }: { enrolment: Enrolment }) {
  const { t } = useTranslation('operator');
  const enrolments = useEnrolmentApi();
  const ask = useEnrolmentWrite(enrolment.id, () => enrolments.rightsCheck(enrolment.id));
  const pending = enrolment.rights.status === 'PENDING';
  return (
    <Section title={t('rightsCheck.title')}>
      <dl className="facts">
        <dt>{t('rightsCheck.status')}</dt>
        <dd>{t(`rights.${enrolment.rights.status}`, { defaultValue: enrolment.rights.status })}</dd>
        <dt>{t('rightsCheck.checkedAt')}</dt>
        <dd>
          <DateTime iso={enrolment.rights.checkedAt} />
        </dd>
      </dl>
      {pending && <Busy label={t('rightsCheck.waiting')} />}
      <ErrorAlert error={ask.error} />
      {ask.isSuccess && <Done>{t('rightsCheck.asked')}</Done>}
      {enrolment.status !== 'ENDED' && (
        <p>
          <button type="button" onClick={() => ask.mutate(undefined)} disabled={ask.isPending || pending}>
            {t('rightsCheck.ask')}
          </button>
        </p>
      )}
    </Section>
  );
}
