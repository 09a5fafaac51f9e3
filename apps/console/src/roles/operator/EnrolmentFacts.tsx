import { useTranslation } from 'react-i18next';
import { DateTime, Day } from '../../components/When';
import { formatDateTime, formatDay } from '../../format/dates';
import { useLanguage } from '../../i18n/use-language';
import type { Enrolment } from './enrolment-api';

/** The enrolment's facts: its prescription, its patient's pseudonym, its device, its activation and where it stands. */
export function EnrolmentFacts({ enrolment: e }: { enrolment: Enrolment }) {
  const { t } = useTranslation('operator');
  const language = useLanguage();
  return (
    <dl className="facts">
      <dt>{t('enrolment.prescription')}</dt>
      <dd className="mono">{e.prescriptionId}</dd>
      {e.startDate && e.endDate && (
        <>
          <dt>{t('enrolment.prescriptionPeriod')}</dt>
          <dd>{t('enrolment.periodValue', { from: formatDay(e.startDate, language), to: formatDay(e.endDate, language) })}</dd>
        </>
      )}
      {e.indication && (
        <>
          <dt>{t('enrolment.indication')}</dt>
          <dd>{t(`common:indications.${e.indication}`, { defaultValue: e.indication })}</dd>
        </>
      )}
      {e.monitoringMode && (
        <>
          <dt>{t('enrolment.monitoringMode')}</dt>
          <dd>{t(`modes.${e.monitoringMode}`, { defaultValue: e.monitoringMode })}</dd>
        </>
      )}
      {e.patient && (
        <>
          <dt>{t('enrolment.patient')}</dt>
          <dd className="mono">{e.patient.pseudonym}</dd>
        </>
      )}
      {e.prescribedUdiDi && (
        <>
          <dt>{t('enrolment.prescribedUdiDi')}</dt>
          <dd className="mono">{e.prescribedUdiDi}</dd>
        </>
      )}
      <dt>{t('enrolment.assignedDevice')}</dt>
      <dd>{e.device ? t('enrolment.deviceValue', e.device) : t('enrolment.none')}</dd>
      <dt>{t('enrolment.activatedAt')}</dt>
      <dd>
        <DateTime iso={e.activatedAt} />
      </dd>
      <dt>{t('enrolment.lastTransmission')}</dt>
      <dd>
        <DateTime iso={e.lastTransmissionAt} />
      </dd>
      {e.suspension && (
        <>
          <dt>{t('enrolment.suspension')}</dt>
          <dd>
            {t('enrolment.suspensionValue', {
              cause: t(`suspensionCauses.${e.suspension.cause}`, { defaultValue: e.suspension.cause }),
              since: formatDateTime(e.suspension.since, language),
            })}
          </dd>
        </>
      )}
      {e.endedAt && (
        <>
          <dt>{t('enrolment.endedAt')}</dt>
          <dd>
            <Day value={e.endedAt} />
            {e.endCause && ` (${t(`endCauses.${e.endCause}`, { defaultValue: e.endCause })})`}
          </dd>
        </>
      )}
      <dt>{t('enrolment.version')}</dt>
      <dd>{e.version}</dd>
    </dl>
  );
}
