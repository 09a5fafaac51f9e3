import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Page } from '../../components/Page';
import { PagedTable } from '../../components/PagedTable';
import { StatusBadge } from '../../components/StatusBadge';
import { StatusFilter } from '../../components/StatusFilter';
import { Day } from '../../components/When';
import { DEVICE_KEYS } from '../../devices/device-api';
import { DEVICE_STATUSES, type DeviceView } from '../../devices/device-view';
import { useDeviceApi } from '../../devices/use-devices';

/** The vendor's products (its drafts, submitted and rejected ones, and every certified one), paged, by status; each opens its page. */
export function ProductsScreen() {
  const { t } = useTranslation('vendor');
  const devices = useDeviceApi();
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
      <PagedTable<DeviceView>
        caption={t('products.caption')}
        queryKey={DEVICE_KEYS.list('vendor-products', { status })}
        load={(page, pageSize) => devices.list({ status }, page, pageSize)}
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
