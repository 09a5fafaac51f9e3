import { useTranslation } from 'react-i18next';
import type { Paged } from '../../api/api-client';
import { useApi } from '../../auth/session';
import { Page } from '../../components/Page';
import { PagedTable } from '../../components/PagedTable';
import { StatusBadge } from '../../components/StatusBadge';
import type { DeviceSummary } from '../../api/device-summary';

/** The products submitted for evaluation, polled: vendors submit while an evaluator works. */
export function ReviewQueueScreen() {
  const { t } = useTranslation('evaluator');
  const api = useApi();
  return (
    <Page title={t('queue.title')}>
      <PagedTable<DeviceSummary>
        caption={t('queue.caption')}
        queryKey={['evaluator', 'queue']}
        load={(page, pageSize) => api.get<Paged<DeviceSummary>>('/v1/devices', { status: 'SUBMITTED', page, pageSize })}
        rowKey={(device) => device.id}
        refetchInterval={10_000}
        columns={[
          { header: t('queue.name'), cell: (device) => device.name },
          { header: t('queue.manufacturer'), cell: (device) => device.manufacturer.name },
          { header: t('queue.ceClass'), cell: (device) => device.ceClass },
          { header: t('queue.indications'), cell: (device) => device.indications.map((code) => t(`common:indications.${code}`, { defaultValue: code })).join(', ') },
          { header: t('common:status'), cell: (device) => <StatusBadge status={device.status} /> },
        ]}
      />
    </Page>
  );
}
