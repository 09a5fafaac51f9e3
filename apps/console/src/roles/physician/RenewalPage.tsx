import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useApi } from '../../auth/session';
import { Busy } from '../../components/Busy';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import type { PrescriptionView } from './api-types';
import { renewalForm } from './prescription-form';
import { PrescriptionForm } from './PrescriptionForm';

/** A renewal: the form prefilled from the renewed prescription, sent with `renewalOf`. */
export function RenewalPage() {
  const { t } = useTranslation('physician');
  const { id = '' } = useParams();
  const api = useApi();
  const renewed = useQuery({ queryKey: ['physician', 'prescriptions', 'one', id], queryFn: () => api.get<PrescriptionView>(`/v1/prescriptions/${id}`) });
  return (
    <Page title={t('form.renewalTitle')}>
      {renewed.isPending && <Busy />}
      <ErrorAlert error={renewed.error} />
      {renewed.data && <PrescriptionForm key={renewed.data.id} initial={renewalForm(renewed.data)} renewed={renewed.data} />}
    </Page>
  );
}
