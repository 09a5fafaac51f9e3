import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { Busy } from '../../components/Busy';
import { Done } from '../../components/Section';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { useArrivalState } from '../../components/use-arrival-state';
import { StatusBadge } from '../../components/StatusBadge';
import { CertificationFacts } from '../../devices/CertificationFacts';
import { DeviceDeclaration } from '../../devices/DeviceDeclaration';
import { isEditable, type DeviceView } from '../../devices/device-view';
import { ReviewTimeline } from '../../devices/ReviewTimeline';
import { useDevice, useDeviceApi, useDeviceWrite } from '../../devices/use-devices';

/** Why the vendor came back to this page, said once (registered, edited). */
type Arrival = { done?: 'registered' | 'updated' } | null;

/**
 * One product as its vendor follows it: where it stands, what it can do
 * next (edit, submit), its declaration, its certification and its review,
 * the evaluator's reasons included.
 */
export function ProductScreen() {
  const { t } = useTranslation('vendor');
  const { id = '' } = useParams();
  const arrival = useArrivalState<NonNullable<Arrival>>();
  const device = useDevice(id);
  const d = device.data;
  return (
    <Page title={d ? d.name : t('product.titleLoading')} actions={d && <StatusBadge status={d.status} />}>
      {device.isPending && <Busy />}
      <ErrorAlert error={device.error} />
      {d && (
        <>
          <NextStep device={d} arrival={arrival} />
          <DeviceDeclaration device={d} />
          <CertificationFacts certification={d.certification} />
          <ReviewTimeline deviceId={d.id} />
        </>
      )}
    </Page>
  );
}

/** What the vendor may do now: edit and submit a draft, edit a rejected product; after submission, wait for the evaluator. */
function NextStep({ device, arrival }: { device: DeviceView; arrival: Arrival }) {
  const { t } = useTranslation('vendor');
  const devices = useDeviceApi();
  const submit = useDeviceWrite(() => devices.submit(device.id));
  return (
    <div className="next-step">
      <p>{t(`product.next.${device.status}`, { defaultValue: '' }) || t('product.next.other')}</p>
      {/* One note of what was just done: the submission, else what brought the vendor here. */}
      {submit.isSuccess ? <Done>{t('product.done.submitted')}</Done> : arrival?.done && <Done>{t(`product.done.${arrival.done}`)}</Done>}
      <ErrorAlert error={submit.error} />
      {isEditable(device.status) && (
        <p>
          <Link className="button" to={`/vendor/product/${device.id}/edit`}>
            {t('product.edit')}
          </Link>{' '}
          {device.status === 'DRAFT' && (
            <button type="button" className="primary" disabled={submit.isPending} onClick={() => submit.mutate(undefined)}>
              {t('product.submit')}
            </button>
          )}
        </p>
      )}
      {submit.isPending && <Busy label={t('common:working')} />}
    </div>
  );
}
