import { useTranslation } from 'react-i18next';
import type { DeviceView } from '../../devices/device-view';
import { RecertifyForm } from './RecertifyForm';
import { StatusChangeForm } from './StatusChangeForm';

/**
 * What an evaluator may do once a product is certified: suspend it, extend
 * it, or withdraw it (retrait); once suspended: reinstate it, or withdraw it.
 * Any other status has nothing to act on, and says so.
 */
export function CertificationActions({ device, onDone }: { device: DeviceView; onDone: (message: string) => void }) {
  const { t } = useTranslation('evaluator');
  switch (device.status) {
    case 'CERTIFIED':
      return (
        <>
          <StatusChangeForm device={device} change="suspension" onDone={onDone} />
          <RecertifyForm device={device} onDone={onDone} />
          <StatusChangeForm device={device} change="revocation" onDone={onDone} />
        </>
      );
    case 'SUSPENDED':
      return (
        <>
          <StatusChangeForm device={device} change="reinstatement" onDone={onDone} />
          <StatusChangeForm device={device} change="revocation" onDone={onDone} />
        </>
      );
    default:
      return <p>{t(`device.nothingToDo.${device.status}`, { defaultValue: '' }) || t('device.nothingToDo.other')}</p>;
  }
}
