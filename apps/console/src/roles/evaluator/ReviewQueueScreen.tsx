import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page';
import { PagedTable } from '../../components/PagedTable';
import { StatusBadge } from '../../components/StatusBadge';
import { DEVICE_KEYS } from '../../devices/device-api';
import type { DeviceView } from '../../devices/device-view';
import { useDeviceApi } from '../../devices/use-devices';
import { DeviceLink } from './DeviceLink';

const QUEUE = { status: 'SUBMITTED' };

/**
 * The products submitted for evaluation, polled: vendors submit while an
 * evaluator works. Under the devices' query key, so a decision takes its
 * product out of the queue at once.
 */
export function ReviewQueueScreen() {
  const { t } = useTranslation('evaluator');
  const devices = useDeviceApi();
  return (
    <Page title={t('queue.title')}>
      <PagedTable<DeviceView>
        caption={t('queue.caption')}
        queryKey={DEVICE_KEYS.list('evaluator-queue', QUEUE)}
        load={(page, pageSize) => devices.list(QUEUE, page, pageSize)}
        rowKey={(device) => device.id}
        refetchInterval={10_000}
        columns={[
          { header: t('queue.name'), cell: (device) => <DeviceLink device={device} /> },
          { header: t('queue.manufacturer'), cell: (device) => device.manufacturer.name },
          { header: t('queue.ceClass'), cell: (device) => device.ceClass },
          { header: t('queue.indications'), cell: (device) => device.indications.map((code) => t(`common:indications.${code}`, { defaultValue: code })).join(', ') },
          { header: t('common:status'), cell: (device) => <StatusBadge status={device.status} /> },
        ]}
      />
    </Page>
  );
}
