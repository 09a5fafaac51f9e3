import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Field } from '../../components/Field';
import { Money } from '../../components/Money';
import { Page } from '../../components/Page';
import { PagedTable } from '../../components/PagedTable';
import { DateTime } from '../../components/When';
import { CLAIMS_KEYS, periodFilter, type Remittance } from './claim-api';
import { useClaimApi } from './use-claims';

/** Polled: a payment run issues its remittances seconds after the approvals. */
const POLL_MS = 5_000;

/** The remittance advices, one per payee and payment run, for the claims of one month or all. */
export function RemittancesScreen() {
  const { t } = useTranslation('claims-processor');
  const claims = useClaimApi();
  const [period, setPeriod] = useState('');
  const month = periodFilter(period);
  return (
    <Page title={t('remittances.title')}>
      <Field label={t('remittances.period')} hint={t('remittances.periodHint')}>
        <input type="month" value={period} onChange={(event) => setPeriod(event.target.value)} />
      </Field>
      <PagedTable<Remittance>
        caption={t('remittances.caption')}
        queryKey={CLAIMS_KEYS.remittances(month)}
        load={(page, pageSize) => claims.remittances(month, page, pageSize)}
        rowKey={(remittance) => remittance.id}
        refetchInterval={POLL_MS}
        columns={[
          // A payment run's reference is shared by every payee it paid: the advice is the payee's, under that reference.
          { header: t('remittances.reference'), cell: (r) => <span className="mono">{r.reference}</span> },
          {
            header: t('remittances.payee'),
            cell: (r) => (
              <Link to={`/claims/remittances/${r.id}`} className="mono">
                {r.payee}
              </Link>
            ),
          },
          { header: t('remittances.paidAt'), cell: (r) => <DateTime iso={r.paidAt} /> },
          { header: t('remittances.claims'), cell: (r) => r.claims.length },
          { header: t('remittances.total'), cell: (r) => <Money cents={r.totalCents} /> },
        ]}
      />
    </Page>
  );
}
