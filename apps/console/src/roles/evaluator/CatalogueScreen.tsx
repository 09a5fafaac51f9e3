import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page';
import { PagedTable } from '../../components/PagedTable';
import { StatusBadge } from '../../components/StatusBadge';
import { StatusFilter } from '../../components/StatusFilter';
import { Day } from '../../components/When';
import { DEVICE_KEYS } from '../../devices/device-api';
import { DEVICE_STATUSES, type DeviceView } from '../../devices/device-view';
import { useDeviceApi } from '../../devices/use-devices';
import { DeviceLink } from './DeviceLink';

/**
 * Every device by status, paged: where an evaluator finds a certified or a
 * suspended product to suspend, reinstate, extend or withdraw. Under the
 * devices' query key, so a write on one refreshes the list.
 */
export function CatalogueScreen() {
  const { t } = useTranslation('evaluator');
  const devices = useDeviceApi();
  const [status, setStatus] = useState('');
  return (
    <Page title={t('catalogue.title')}>
      <StatusFilter statuses={DEVICE_STATUSES} value={status} onChange={setStatus} />
      <PagedTable<DeviceView>
        caption={t('catalogue.caption')}
        queryKey={DEVICE_KEYS.list('evaluator-catalogue', { status })}
        load={(page, pageSize) => devices.list({ status }, page, pageSize)}
        rowKey={(device) => device.id}
        columns={[
          { header: t('catalogue.name'), cell: (device) => <DeviceLink device={device} /> },
          { header: t('catalogue.manufacturer'), cell: (device) => device.manufacturer.name },
          { header: t('catalogue.ceClass'), cell: (device) => device.ceClass },
          { header: t('common:status'), cell: (device) => <StatusBadge status={device.status} /> },
          { header: t('catalogue.validUntil'), cell: (device) => <Day value={device.certification?.validUntil} /> },
        ]}
      />
    </Page>
  );
}
