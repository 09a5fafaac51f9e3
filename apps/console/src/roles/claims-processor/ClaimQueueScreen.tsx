import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Paged } from '../../api/api-client';
import { useApi } from '../../auth/session';
import { Field } from '../../components/Field';
import { Money } from '../../components/Money';
import { Page } from '../../components/Page';
import { PagedTable } from '../../components/PagedTable';
import { StatusBadge } from '../../components/StatusBadge';
import { Period } from '../../components/When';

/** The fields of API.md's claim that the queue shows. */
interface ClaimSummary {
  id: string;
  status: string;
  period: string;
  billableDays: number;
  totalCents: number;
  amoShareCents: number;
  tariffVersion: string;
}

/** The processors' work queue: the claims the AMO received (SUBMITTED), paged, for one month or all. */
export function ClaimQueueScreen() {
  const { t } = useTranslation('claims-processor');
  const api = useApi();
  const [period, setPeriod] = useState('');
  const validPeriod = /^\d{4}-\d{2}$/.test(period) ? period : '';
  return (
    <Page title={t('queue.title')}>
      <Field label={t('queue.period')} hint={t('queue.periodHint')}>
        <input type="month" value={period} onChange={(event) => setPeriod(event.target.value)} />
      </Field>
      <PagedTable<ClaimSummary>
        caption={t('queue.caption')}
        queryKey={['claims-processor', 'queue', validPeriod]}
        load={(page, pageSize) => api.get<Paged<ClaimSummary>>('/v1/claims', { status: 'SUBMITTED', period: validPeriod, page, pageSize })}
        rowKey={(claim) => claim.id}
        refetchInterval={10_000}
        columns={[
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
