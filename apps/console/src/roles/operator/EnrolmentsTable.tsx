import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PagedTable } from '../../components/PagedTable';
import { StatusBadge } from '../../components/StatusBadge';
import { DateTime } from '../../components/When';
import { type Enrolment, OPERATOR_KEYS } from './enrolment-api';
import { useEnrolmentApi } from './use-enrolments';

/** Polled: an issued prescription brings a new enrolment within seconds. */
const POLL_MS = 5_000;

/** One page of the org's enrolments of a status (empty: every status), each leading to its page by its prescription. */
export function EnrolmentsTable({ caption, status }: { caption: string; status: string }) {
  const { t } = useTranslation('operator');
  const enrolments = useEnrolmentApi();
  return (
    <PagedTable<Enrolment>
      caption={caption}
      queryKey={OPERATOR_KEYS.list(status)}
      load={(page, pageSize) => enrolments.list(status, page, pageSize)}
      rowKey={(enrolment) => enrolment.id}
      refetchInterval={POLL_MS}
      columns={[
        {
          header: t('enrolments.prescription'),
          cell: (e) => (
            <Link to={`/operator/enrolments/${e.id}`} className="mono">
              {e.prescriptionId}
            </Link>
          ),
        },
        { header: t('enrolments.indication'), cell: (e) => (e.indication ? t(`common:indications.${e.indication}`, { defaultValue: e.indication }) : '—') },
        { header: t('enrolments.rights'), cell: (e) => t(`rights.${e.rights.status}`, { defaultValue: e.rights.status }) },
        { header: t('enrolments.device'), cell: (e) => e.device?.serialNumber ?? '—' },
        { header: t('enrolments.activatedAt'), cell: (e) => <DateTime iso={e.activatedAt} /> },
        { header: t('enrolments.lastTransmission'), cell: (e) => <DateTime iso={e.lastTransmissionAt} /> },
        { header: t('common:status'), cell: (e) => <StatusBadge status={e.status} /> },
      ]}
    />
  );
}
