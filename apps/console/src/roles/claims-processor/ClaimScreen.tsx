import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { Busy } from '../../components/Busy';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { StatusBadge } from '../../components/StatusBadge';
import { AdjudicationForm } from './AdjudicationForm';
import { CLAIMS_KEYS } from './claim-api';
import { ClaimFacts } from './ClaimFacts';
import { ClaimLines } from './ClaimLines';
import { Section } from '../../components/Section';
import { useClaimApi, useReasonCodes } from './use-claims';

/** An approved claim is paid by the payment job within seconds: the screen follows it until then. */
const PAYMENT_POLL_MS = 1_000;

/** One claim: its facts and amounts, its lines, and the processor's decision while it is in the queue. */
export function ClaimScreen() {
  const { t } = useTranslation('claims-processor');
  const { id = '' } = useParams();
  const claims = useClaimApi();
  const reasons = useReasonCodes();
  const query = useQuery({
    queryKey: CLAIMS_KEYS.claim(id),
    queryFn: () => claims.get(id),
    refetchInterval: (current) => (current.state.data?.status === 'APPROVED' ? PAYMENT_POLL_MS : false),
  });
  const claim = query.data;
  return (
    <Page title={t('claim.title')} actions={claim && <StatusBadge status={claim.status} />}>
      <p>
        <Link to="/claims">{t('claim.back')}</Link>
      </p>
      {query.isPending && <Busy />}
      <ErrorAlert error={query.error} />
      {claim && (
        <>
          <ClaimFacts claim={claim} />
          <Section title={t('claim.lines')}>
            <ClaimLines lines={claim.lines} reasons={reasons.data} />
          </Section>
          {claim.status === 'APPROVED' && <Busy label={t('claim.awaitingPayment')} />}
          <Section title={t('adjudication.title')}>
            {claim.status === 'SUBMITTED' ? <AdjudicationForm key={claim.version} claim={claim} /> : <p>{t('adjudication.notSubmitted')}</p>}
          </Section>
        </>
      )}
    </Page>
  );
}
