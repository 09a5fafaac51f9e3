import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useClaims } from '../../auth/session';
import { Page } from '../../components/Page';
import { useDeviceApi, useDeviceWrite } from '../../devices/use-devices';
import { emptyProductForm, productBody, type ProductForm } from './product-form';
import { ProductFormView } from './ProductFormView';

/** Registering a product: its declaration saved as a draft, then its page, where the vendor submits it. */
export function NewProductScreen() {
  const { t } = useTranslation('vendor');
  const { org } = useClaims();
  const devices = useDeviceApi();
  const navigate = useNavigate();
  const register = useDeviceWrite(
    (form: ProductForm) => devices.register(productBody(form)),
    (device) => navigate(`/vendor/product/${device.id}`, { state: { done: 'registered' } }),
  );
  return (
    <Page title={t('register.title')}>
      <p>{t('register.intro')}</p>
      <ProductFormView initial={emptyProductForm(org ?? '')} onSubmit={register.mutate} error={register.error} pending={register.isPending} submitLabel={t('register.submit')} />
    </Page>
  );
}
