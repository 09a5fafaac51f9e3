import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { Busy } from '../../components/Busy';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { StatusBadge } from '../../components/StatusBadge';
import { ActivationSection } from './ActivationSection';
import { ConsentSection } from './ConsentSection';
import { DeviceSection } from './DeviceSection';
import { EnrolmentFacts } from './EnrolmentFacts';
import { HistorySection } from './HistorySection';
import { IncidentsSection } from './IncidentsSection';
import { LifecycleSection } from './LifecycleSection';
import { ObservanceSection } from './ObservanceSection';
import { RightsSection } from './RightsSection';
import { Section } from '../../components/Section';
import { TransmissionsSection } from './TransmissionsSection';
import { useEnrolment } from './use-enrolments';
import { WaitsList } from './WaitsList';

/**
 * One télésurveillance: what it waits for, its facts, and each step the
 * operator takes, in the order they come (consent, rights, device,
 * activation; then transmissions, incidents and observance once it runs),
 * with its suspension, end and history.
 */
export function EnrolmentScreen() {
  const { t } = useTranslation('operator');
  const { id = '' } = useParams();
  const query = useEnrolment(id);
  const enrolment = query.data;
  return (
    <Page title={t('enrolment.title')} actions={enrolment && <StatusBadge status={enrolment.status} />}>
      <p>
        <Link to="/operator">{t('enrolment.back')}</Link>
      </p>
      {query.isPending && <Busy />}
      <ErrorAlert error={query.error} />
      {enrolment && (
        <>
          <Section title={t('waits.title')}>
            <WaitsList enrolment={enrolment} />
          </Section>
          <Section title={t('enrolment.facts')}>
            <EnrolmentFacts enrolment={enrolment} />
          </Section>
          <ConsentSection enrolment={enrolment} />
          <RightsSection enrolment={enrolment} />
          <DeviceSection enrolment={enrolment} />
          <ActivationSection enrolment={enrolment} />
          {enrolment.activatedAt && (
            <>
              <TransmissionsSection enrolment={enrolment} />
              <IncidentsSection enrolment={enrolment} />
              <ObservanceSection enrolment={enrolment} />
            </>
          )}
          <LifecycleSection enrolment={enrolment} />
          <HistorySection enrolmentId={enrolment.id} version={enrolment.version} />
        </>
      )}
    </Page>
  );
}
