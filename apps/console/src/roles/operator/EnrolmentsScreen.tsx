import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page';
import { StatusFilter } from '../../components/StatusFilter';
import { ENROLMENT_STATUSES } from './enrolment-api';
import { EnrolmentsTable } from './EnrolmentsTable';
import { Section } from '../../components/Section';

/**
 * The org's télésurveillances, what there is to act on first: those waiting
 * for a consent, then those waiting for their activation; then every one,
 * by status.
 */
export function EnrolmentsScreen() {
  const { t } = useTranslation('operator');
  const [status, setStatus] = useState<string>('');
  return (
    <Page title={t('enrolments.title')}>
      <Section title={t('enrolments.toActOn')}>
        <EnrolmentsTable caption={t('enrolments.pendingConsent')} status="PENDING_CONSENT" />
        <EnrolmentsTable caption={t('enrolments.pendingActivation')} status="PENDING_ACTIVATION" />
      </Section>
      <Section title={t('enrolments.everything')}>
        <StatusFilter statuses={ENROLMENT_STATUSES} value={status} onChange={setStatus} />
        <EnrolmentsTable caption={t('enrolments.caption')} status={status} />
      </Section>
    </Page>
  );
}
