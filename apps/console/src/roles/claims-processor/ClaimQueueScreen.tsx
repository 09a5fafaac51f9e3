import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Field } from '../../components/Field';
import { Money } from '../../components/Money';
import { Page } from '../../components/Page';
import { PagedTable } from '../../components/PagedTable';
import { StatusBadge } from '../../components/StatusBadge';
import { StatusFilter } from '../../components/StatusFilter';
import { Period } from '../../components/When';
import { type Claim, CLAIM_STATUSES, CLAIMS_KEYS, periodFilter } from './claim-api';
import { useClaimApi } from './use-claims';

/** Polled: a billing run brings claims, and the AMO's receipts put them in the queue, within seconds. */
const POLL_MS = 5_000;

/**
 * The processors' work queue: the claims the AMO received (SUBMITTED, oldest
 * first as the API orders them), paged, for one month or all; another status
 * on request (to find a claim decided already).
 */
export function ClaimQueueScreen() {
  const { t } = useTranslation('claims-processor');
  const claims = useClaimApi();
  const [period, setPeriod] = useState('');
  const [status, setStatus] = useState('SUBMITTED');
  const query = { status, period: periodFilter(period) };
  return (
    <Page title={t('queue.title')}>
      <div className="filters">
        <Field label={t('queue.period')} hint={t('queue.periodHint')}>
          <input type="month" value={period} onChange={(event) => setPeriod(event.target.value)} />
        </Field>
        <StatusFilter statuses={CLAIM_STATUSES} value={status} onChange={setStatus} />
      </div>
      <PagedTable<Claim>
        caption={t('queue.caption')}
        queryKey={CLAIMS_KEYS.queue(query.status, query.period)}
        load={(page, pageSize) => claims.list(query, page, pageSize)}
        rowKey={(claim) => claim.id}
        refetchInterval={POLL_MS}
        columns={[
          {
            header: t('queue.claim'),
            cell: (c) => (
              <Link to={`/claims/claim/${c.id}`} className="mono">
                {c.id}
              </Link>
            ),
          },
          { header: t('queue.periodColumn'), cell: (c) => <Period period={c.period} /> },
          { header: t('queue.billableDays'), cell: (c) => c.billableDays },
          { header: t('queue.total'), cell: (c) => <Money cents={c.totalCents} /> },
          { header: t('queue.amoShare'), cell: (c) => <Money cents={c.amoShareCents} /> },
          { header: t('queue.tariff'), cell: (c) => c.tariffVersion },
          { header: t('common:status'), cell: (c) => <StatusBadge status={c.status} /> },
        ]}
      />
    </Page>
  );
}
