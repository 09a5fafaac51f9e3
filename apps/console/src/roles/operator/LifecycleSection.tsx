import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import type { Enrolment } from './enrolment-api';
import { Done, NamedForm, Section } from '../../components/Section';
import { useEnrolmentApi, useEnrolmentWrite } from './use-enrolments';

/** Suspension (with its reason) of a running monitoring, its resumption, and its end (with its reason). */
export function LifecycleSection({ enrolment }: { enrolment: Enrolment }) {
  const { t } = useTranslation('operator');
  const enrolments = useEnrolmentApi();
  const [suspendReason, setSuspendReason] = useState('');
  const [endReason, setEndReason] = useState('');
  const suspend = useEnrolmentWrite(enrolment.id, () => enrolments.suspend(enrolment.id, suspendReason.trim()));
  const resume = useEnrolmentWrite(enrolment.id, () => enrolments.resume(enrolment.id));
  const end = useEnrolmentWrite(enrolment.id, () => enrolments.end(enrolment.id, endReason.trim()));
  if (enrolment.status === 'ENDED') return end.isSuccess ? <Done>{t('lifecycle.ended')}</Done> : null;
  return (
    <Section title={t('lifecycle.title')}>
      {suspend.isSuccess && <Done>{t('lifecycle.suspended')}</Done>}
      {resume.isSuccess && <Done>{t('lifecycle.resumed')}</Done>}
      {enrolment.status === 'ACTIVE' && (
        <NamedForm title={t('lifecycle.suspendTitle')} onSubmit={() => suspend.mutate(undefined)}>
          <Field label={t('lifecycle.reason')} field="reason" error={suspend.error}>
            <textarea value={suspendReason} onChange={(event) => setSuspendReason(event.target.value)} rows={2} required />
          </Field>
          <ErrorAlert error={suspend.error} />
          <button type="submit" disabled={suspend.isPending}>
            {t('lifecycle.suspend')}
          </button>
        </NamedForm>
      )}
      {enrolment.status === 'SUSPENDED' && (
        <>
          <ErrorAlert error={resume.error} />
          <p>
            <button type="button" className="primary" onClick={() => resume.mutate(undefined)} disabled={resume.isPending}>
              {t('lifecycle.resume')}
            </button>
          </p>
        </>
      )}
      <NamedForm title={t('lifecycle.endTitle')} onSubmit={() => end.mutate(undefined)}>
        <Field label={t('lifecycle.reason')} field="reason" error={end.error}>
          <textarea value={endReason} onChange={(event) => setEndReason(event.target.value)} rows={2} required />
        </Field>
        <ErrorAlert error={end.error} />
        <button type="submit" className="danger" disabled={end.isPending}>
          {t('lifecycle.end')}
        </button>
      </NamedForm>
    </Section>
  );
}
