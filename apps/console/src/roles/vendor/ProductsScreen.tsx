import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Paged } from '../../api/api-client';
import { useApi } from '../../auth/session';
import { Page } from '../../components/Page';
import { PagedTable } from '../../components/PagedTable';
import { StatusBadge } from '../../components/StatusBadge';
import { StatusFilter } from '../../components/StatusFilter';
import { Day } from '../../components/When';
import { DEVICE_STATUSES, type DeviceSummary } from '../../devices/device-summary';

/** The vendor's products (its drafts, submitted and rejected ones, and every certified one), paged, by status; each opens its page. */
export function ProductsScreen() {
  const { t } = useTranslation('vendor');
  const api = useApi();
  const [status, setStatus] = useState('');
  return (
    <Page
      title={t('products.title')}
      actions={
        <Link className="button primary" to="/vendor/new">
          {t('products.register')}
        </Link>
      }
    >
      <StatusFilter statuses={DEVICE_STATUSES} value={status} onChange={setStatus} />
      <PagedTable<DeviceSummary>
        caption={t('products.caption')}
        queryKey={['vendor', 'devices', status]}
        load={(page, pageSize) => api.get<Paged<DeviceSummary>>('/v1/devices', { status, page, pageSize })}
        rowKey={(device) => device.id}
        columns={[
          { header: t('products.name'), cell: (device) => <Link to={`/vendor/product/${device.id}`}>{device.name}</Link> },
          { header: t('products.model'), cell: (device) => device.model },
          { header: t('products.udiDi'), cell: (device) => <code className="mono">{device.udiDi}</code> },
          { header: t('products.ceClass'), cell: (device) => device.ceClass },
          { header: t('common:status'), cell: (device) => <StatusBadge status={device.status} /> },
          { header: t('products.validUntil'), cell: (device) => <Day value={device.certification?.validUntil} /> },
        ]}
      />
    </Page>
  );
}
