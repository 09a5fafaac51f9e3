import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { DateTime } from '../../components/When';
import type { Enrolment } from './enrolment-api';
import { Done, NamedForm, Section } from '../../components/Section';
import { useEnrolmentApi, useEnrolmentWrite } from './use-enrolments';
import { wallTimeToInstant } from './wall-time';

/**
 * The activation: now, or at the moment the monitoring really began (typed
 * in Paris time, never in the future nor before the consent). The API names
 * every unmet requirement at once; the alert shows each.
 */
export function ActivationSection({ enrolment }: { enrolment: Enrolment }) {
  const { t } = useTranslation('operator');
  const enrolments = useEnrolmentApi();
  const [activatedAt, setActivatedAt] = useState('');
  const activate = useEnrolmentWrite(enrolment.id, () => {
    const at = wallTimeToInstant(activatedAt, 'activatedAt', t('activation.badTime'));
    return enrolments.activate(enrolment.id, at ? { activatedAt: at } : {});
  });
  return (
    <Section title={t('activation.title')}>
      {enrolment.activatedAt && (
        <p>
          {t('enrolment.activatedAt')} <DateTime iso={enrolment.activatedAt} />
        </p>
      )}
      {activate.isSuccess && <Done>{t('activation.activated')}</Done>}
      {enrolment.status === 'PENDING_ACTIVATION' && (
        <NamedForm title={t('activation.activate')} onSubmit={() => activate.mutate(undefined)}>
          <Field label={t('activation.activatedAt')} field="activatedAt" error={activate.error} hint={t('activation.activatedAtHint')}>
            <input type="datetime-local" value={activatedAt} onChange={(event) => setActivatedAt(event.target.value)} />
          </Field>
          <ErrorAlert error={activate.error} />
          <button type="submit" className="primary" disabled={activate.isPending}>
            {t('activation.activate')}
          </button>
        </NamedForm>
      )}
    </Section>
  );
}
