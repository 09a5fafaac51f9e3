import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { DateTime } from '../../components/When';
import type { Enrolment } from './enrolment-api';
import { Done, NamedForm, Section } from '../../components/Section';
import { useEnrolmentApi, useEnrolmentWrite } from './use-enrolments';
import { wallTimeToInstant } from './wall-time';

/** A consent is recorded while the enrolment waits for one, or after the one in force was withdrawn. */
const needsConsent = (e: Enrolment) => e.status === 'PENDING_CONSENT' || (e.status === 'SUSPENDED' && e.suspension?.cause === 'CONSENT_WITHDRAWN');

/**
 * The consent recorded, and the paper form the operator records (API.md: an
 * operator records PAPER consents only). The signature time is typed as read
 * on the form, in Paris time whatever the browser's zone.
 */
export function ConsentSection({ enrolment }: { enrolment: Enrolment }) {
  const { t } = useTranslation('operator');
  const { consent } = enrolment;
  return (
    <Section title={t('consent.title')}>
      {consent && (
        <dl className="facts">
          <dt>{t('consent.decision')}</dt>
          <dd>{t(`consent.decisions.${consent.decision}`)}</dd>
          <dt>{t('consent.signedAt')}</dt>
          <dd>
            <DateTime iso={consent.signedAt} />
          </dd>
          <dt>{t('consent.signedBy')}</dt>
          <dd>
            {t(`consent.signers.${consent.signedBy}`)}
            {consent.representative && ` (${t(`consent.representatives.${consent.representative.role}`, { defaultValue: consent.representative.role })})`}
          </dd>
          <dt>{t('consent.method')}</dt>
          <dd>{t(`consent.methods.${consent.method}`)}</dd>
          <dt>{t('consent.textVersion')}</dt>
          <dd>{consent.consentTextVersion}</dd>
          {consent.recordedBy && (
            <>
              <dt>{t('consent.recordedBy')}</dt>
              <dd>{t(`common:roles.${consent.recordedBy.role}`, { defaultValue: consent.recordedBy.role })}</dd>
            </>
          )}
          {consent.withdrawnAt && (
            <>
              <dt>{t('consent.withdrawnAt')}</dt>
              <dd>
                <DateTime iso={consent.withdrawnAt} />
              </dd>
            </>
          )}
        </dl>
      )}
      {needsConsent(enrolment) && <ConsentForm enrolmentId={enrolment.id} />}
    </Section>
  );
}

function ConsentForm({ enrolmentId }: { enrolmentId: string }) {
  const { t } = useTranslation('operator');
  const enrolments = useEnrolmentApi();
  const [decision, setDecision] = useState('GIVEN');
  const [textVersion, setTextVersion] = useState('');
  const [signedAt, setSignedAt] = useState('');
  const [signedBy, setSignedBy] = useState('PATIENT');
  const [representative, setRepresentative] = useState('PARENT');
  const record = useEnrolmentWrite(enrolmentId, () =>
    enrolments.consent(enrolmentId, {
      decision,
      consentTextVersion: textVersion.trim(),
      method: 'PAPER',
      signedAt: wallTimeToInstant(signedAt, 'signedAt', t('consent.badTime'), true),
      signedBy,
      ...(signedBy === 'LEGAL_REPRESENTATIVE' ? { representative: { role: representative } } : {}),
    }),
  );
  const error = record.error;
  return (
    <NamedForm title={t('consent.record')} onSubmit={() => record.mutate(undefined)}>
      <p>{t('consent.paperOnly')}</p>
      <Field label={t('consent.decision')} field="decision" error={error}>
        <select value={decision} onChange={(event) => setDecision(event.target.value)}>
          {(['GIVEN', 'REFUSED'] as const).map((value) => (
            <option key={value} value={value}>
              {t(`consent.decisions.${value}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('consent.textVersion')} field="consentTextVersion" error={error} hint={t('consent.textVersionHint')}>
        <input value={textVersion} onChange={(event) => setTextVersion(event.target.value)} required />
      </Field>
      <Field label={t('consent.signedAt')} field="signedAt" error={error}>
        <input type="datetime-local" value={signedAt} onChange={(event) => setSignedAt(event.target.value)} required />
      </Field>
      <Field label={t('consent.signedBy')} field="signedBy" error={error}>
        <select value={signedBy} onChange={(event) => setSignedBy(event.target.value)}>
          {(['PATIENT', 'LEGAL_REPRESENTATIVE'] as const).map((value) => (
            <option key={value} value={value}>
              {t(`consent.signers.${value}`)}
            </option>
          ))}
        </select>
      </Field>
      {signedBy === 'LEGAL_REPRESENTATIVE' && (
        <Field label={t('consent.representative')} field="representative.role" error={error}>
          <select value={representative} onChange={(event) => setRepresentative(event.target.value)}>
            {(['PARENT', 'GUARDIAN', 'OTHER'] as const).map((value) => (
              <option key={value} value={value}>
                {t(`consent.representatives.${value}`)}
              </option>
            ))}
          </select>
        </Field>
      )}
      <ErrorAlert error={error} />
      {record.isSuccess && <Done>{t('consent.recorded')}</Done>}
      <button type="submit" className="primary" disabled={record.isPending}>
        {t('consent.record')}
      </button>
    </NamedForm>
  );
}
