import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Busy } from '../../components/Busy';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { isEditable } from '../../devices/device-view';
import { useDevice, useDeviceApi, useDeviceWrite } from '../../devices/use-devices';
import { productBody, productFormOf, type ProductForm } from './product-form';
import { ProductFormView } from './ProductFormView';

/** Editing a draft, or a rejected product (which the edit brings back to a draft, to fix and submit again). */
export function EditProductScreen() {
  const { t } = useTranslation('vendor');
  const { id = '' } = useParams();
  const device = useDevice(id);
  const devices = useDeviceApi();
  const navigate = useNavigate();
  const update = useDeviceWrite(
    (form: ProductForm) => devices.update(id, productBody(form)),
    () => navigate(`/vendor/product/${id}`, { state: { done: 'updated' } }),
  );
  const d = device.data;
  return (
    <Page title={d ? t('edit.title', { name: d.name }) : t('edit.titleLoading')}>
      {device.isPending && <Busy />}
      <ErrorAlert error={device.error} />
      {d && !isEditable(d.status) && (
        <p>
          {t('edit.notEditable')} <Link to={`/vendor/product/${id}`}>{t('edit.back')}</Link>
        </p>
      )}
      {d && isEditable(d.status) && (
        <>
          {d.status === 'REJECTED' && <p>{t('edit.reopens')}</p>}
          {/* Keyed by the version: the form starts from the declaration as it is now. */}
          <ProductFormView key={d.version} initial={productFormOf(d)} onSubmit={update.mutate} error={update.error} pending={update.isPending} submitLabel={t('edit.submit')} />
        </>
      )}
    </Page>
  );
}
