import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Paged } from '../../api/api-client';
import { useApi } from '../../auth/session';
import { Page } from '../../components/Page';
import { PagedTable } from '../../components/PagedTable';
import { StatusBadge } from '../../components/StatusBadge';
import { StatusFilter } from '../../components/StatusFilter';
import { Day } from '../../components/When';

/** The fields of API.md's prescription that the list shows (the patient's identity is the prescriber's to see). */
interface PrescriptionSummary {
  id: string;
  status: string;
  indication: string;
  monitoringMode: string;
  startDate: string;
  endDate: string;
  renewalOf?: string;
  patient?: { familyName?: string; givenNames?: string; pseudonym?: string };
}

const PRESCRIPTION_STATUSES = ['ISSUED', 'CANCELLED', 'EXPIRED'] as const;

/** The physician's own prescriptions (ordonnances de télésurveillance), paged, by status. */
export function PrescriptionsScreen() {
  const { t } = useTranslation('physician');
  const api = useApi();
  const [status, setStatus] = useState('');
  return (
    <Page title={t('prescriptions.title')}>
      <StatusFilter statuses={PRESCRIPTION_STATUSES} value={status} onChange={setStatus} />
      <PagedTable<PrescriptionSummary>
        caption={t('prescriptions.caption')}
        queryKey={['physician', 'prescriptions', status]}
        load={(page, pageSize) => api.get<Paged<PrescriptionSummary>>('/v1/prescriptions', { status, page, pageSize })}
        rowKey={(prescription) => prescription.id}
        columns={[
          { header: t('prescriptions.patient'), cell: (p) => [p.patient?.familyName, p.patient?.givenNames].filter(Boolean).join(' ') || p.patient?.pseudonym || '—' },
          { header: t('prescriptions.indication'), cell: (p) => t(`common:indications.${p.indication}`, { defaultValue: p.indication }) },
          { header: t('prescriptions.start'), cell: (p) => <Day value={p.startDate} /> },
          { header: t('prescriptions.end'), cell: (p) => <Day value={p.endDate} /> },
          { header: t('prescriptions.renewal'), cell: (p) => (p.renewalOf ? t('common:yes') : t('common:no')) },
          { header: t('common:status'), cell: (p) => <StatusBadge status={p.status} /> },
        ]}
      />
    </Page>
  );
}
