import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Paged } from '../../api/api-client';
import { useApi } from '../../auth/session';
import { Page } from '../../components/Page';
import { PagedTable } from '../../components/PagedTable';
import { StatusBadge } from '../../components/StatusBadge';
import { StatusFilter } from '../../components/StatusFilter';
import { Day } from '../../components/When';
import { PRESCRIPTION_STATUSES, type PrescriptionView } from './api-types';
import { patientName } from './patients';

/** The physician's prescriptions, paged, by status. */
export function PrescriptionsPage() {
  const { t } = useTranslation('physician');
  const { t: common } = useTranslation();
  const api = useApi();
  const [status, setStatus] = useState('');
  return (
    <Page
      title={t('list.title')}
      actions={
        <Link className="button primary" to="/physician/prescriptions/new">
          {t('nav.newPrescription')}
        </Link>
      }
    >
      <StatusFilter statuses={PRESCRIPTION_STATUSES} value={status} onChange={setStatus} />
      <PagedTable<PrescriptionView>
        caption={t('list.caption')}
        queryKey={['physician', 'prescriptions', 'list', status]}
        load={(page, pageSize) => api.get<Paged<PrescriptionView>>('/v1/prescriptions', { status, page, pageSize })}
        rowKey={(item) => item.id}
        columns={[
          { header: t('list.patient'), cell: (item) => <Link to={`/physician/prescriptions/${item.id}`}>{patientName(item.patient)}</Link> },
          { header: t('list.indication'), cell: (item) => t(`common:indications.${item.indication}`) },
          { header: t('list.start'), cell: (item) => <Day value={item.startDate} /> },
          { header: t('list.end'), cell: (item) => <Day value={item.endDate} /> },
          { header: common('status'), cell: (item) => <StatusBadge status={item.status} /> },
          {
            header: t('list.renewal'),
            cell: (item) => (item.renewalOf ? <Link to={`/physician/prescriptions/${item.renewalOf}`}>{t('list.renews')}</Link> : '—'),
          },
        ]}
      />
    </Page>
  );
}
