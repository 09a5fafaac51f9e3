import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { Busy } from '../../components/Busy';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { Section } from '../../components/Section';
import { StatusBadge } from '../../components/StatusBadge';
import { CertificationFacts } from '../../devices/CertificationFacts';
import { DeviceDeclaration } from '../../devices/DeviceDeclaration';
import { ReviewTimeline } from '../../devices/ReviewTimeline';
import { useDevice } from '../../devices/use-devices';
import { CertificationActions } from './CertificationActions';
import { DoneNotice } from './DoneNotice';
import { SubmittedReview } from './SubmittedReview';

/**
 * One device as the evaluator reviews it: the vendor's declaration, the
 * certification, then what the status allows (the checklist and the
 * decision when submitted; suspension, reinstatement, extension and retrait
 * once certified), and the review's timeline.
 */
export function DeviceReviewScreen() {
  const { t } = useTranslation('evaluator');
  const { id = '' } = useParams();
  const query = useDevice(id);
  const device = query.data;
  // Kept here, not in the form: a write changes the status, and the form that made it goes with the old one.
  const [done, setDone] = useState<{ message: string; count: number }>();
  const onDone = (message: string) => setDone((last) => ({ message, count: (last?.count ?? 0) + 1 }));
  return (
    <Page title={device ? device.name : t('device.loading')} actions={device && <StatusBadge status={device.status} />}>
      <p>
        <Link to="/evaluator">{t('device.backToQueue')}</Link> · <Link to="/evaluator/catalogue">{t('device.backToCatalogue')}</Link>
      </p>
      {query.isPending && <Busy />}
      <ErrorAlert error={query.error} />
      {device && (
        <>
          <DeviceDeclaration device={device} />
          <CertificationFacts certification={device.certification} />
          <Section title={device.status === 'SUBMITTED' ? t('device.decision') : t('device.follow')}>
            {done && <DoneNotice key={done.count} message={done.message} />}
            {/* Keyed by version: each new state of the device starts its forms afresh (no tick nor reason carried over). */}
            {device.status === 'SUBMITTED' ? (
              <SubmittedReview key={device.version} device={device} onDone={onDone} />
            ) : (
              <CertificationActions key={device.version} device={device} onDone={onDone} />
            )}
          </Section>
          <ReviewTimeline deviceId={device.id} />
        </>
      )}
    </Page>
  );
}
