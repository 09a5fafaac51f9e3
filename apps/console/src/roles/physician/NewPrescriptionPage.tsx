import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page';
import { emptyForm } from './prescription-form';
import { PrescriptionForm } from './PrescriptionForm';

/** A first prescription: the empty form. */
export function NewPrescriptionPage() {
  const { t } = useTranslation('physician');
  return (
    <Page title={t('form.title')}>
      <PrescriptionForm initial={emptyForm()} />
    </Page>
  );
}
