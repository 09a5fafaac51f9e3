import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Paged } from '../../api/api-client';
import { useApi } from '../../auth/session';
import { Page } from '../../components/Page';
import { PagedTable } from '../../components/PagedTable';
import { StatusBadge } from '../../components/StatusBadge';
import { StatusFilter } from '../../components/StatusFilter';
import { DateTime } from '../../components/When';

/** The fields of API.md's enrolment that the list shows. */
interface EnrolmentSummary {
  id: string;
  status: string;
  prescriptionId: string;
  rights: { status: string; checkedAt?: string };
  consent?: { decision?: string };
  device?: { serialNumber: string };
  activatedAt?: string;
  lastTransmissionAt?: string;
}

const ENROLMENT_STATUSES = ['PENDING_CONSENT', 'PENDING_ACTIVATION', 'ACTIVE', 'SUSPENDED', 'ENDED'] as const;

/**
 * The org's télésurveillances, those waiting for consent first (the default
 * filter: what there is to act on), polled: an issued prescription brings a
 * new one within seconds.
 */
export function EnrolmentsScreen() {
  const { t } = useTranslation('operator');
  const api = useApi();
  const [status, setStatus] = useState<string>('PENDING_CONSENT');
  return (
    <Page title={t('enrolments.title')}>
      <StatusFilter statuses={ENROLMENT_STATUSES} value={status} onChange={setStatus} />
      <PagedTable<EnrolmentSummary>
        caption={t('enrolments.caption')}
        queryKey={['operator', 'enrolments', status]}
        load={(page, pageSize) => api.get<Paged<EnrolmentSummary>>('/v1/enrolments', { status, page, pageSize })}
        rowKey={(enrolment) => enrolment.id}
        refetchInterval={5_000}
        columns={[
          { header: t('enrolments.prescription'), cell: (e) => <code className="mono">{e.prescriptionId}</code> },
          { header: t('enrolments.rights'), cell: (e) => t(`rights.${e.rights.status}`, { defaultValue: e.rights.status }) },
          { header: t('enrolments.device'), cell: (e) => e.device?.serialNumber ?? '—' },
          { header: t('enrolments.activatedAt'), cell: (e) => <DateTime iso={e.activatedAt} /> },
          { header: t('enrolments.lastTransmission'), cell: (e) => <DateTime iso={e.lastTransmissionAt} /> },
          { header: t('common:status'), cell: (e) => <StatusBadge status={e.status} /> },
        ]}
      />
    </Page>
  );
}
