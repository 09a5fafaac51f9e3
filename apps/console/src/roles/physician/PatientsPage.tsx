import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Paged } from '../../api/api-client';
import { useApi } from '../../auth/session';
import { Busy } from '../../components/Busy';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { StatusBadge } from '../../components/StatusBadge';
import { Day } from '../../components/When';
import { formatDay } from '../../format/dates';
import { useLanguage } from '../../i18n/use-language';
import type { PrescriptionView } from './api-types';
import { patientsOf } from './patients';

const PAGE_SIZE = 200;

/**
 * The physician's patients: the API has no list of them, so they are the
 * distinct patients of every one of the physician's prescriptions, read page
 * by page (with progress).
 */
export function PatientsPage() {
  const { t } = useTranslation('physician');
  const api = useApi();
  const language = useLanguage();
  const [progress, setProgress] = useState<{ value: number; max: number }>();
  const all = useQuery({
    queryKey: ['physician', 'prescriptions', 'all'],
    queryFn: async () => {
      const items: PrescriptionView[] = [];
      for (let page = 1; ; page += 1) {
        const answer = await api.get<Paged<PrescriptionView>>('/v1/prescriptions', { page, pageSize: PAGE_SIZE });
        items.push(...answer.items);
        setProgress({ value: items.length, max: answer.total });
        if (items.length >= answer.total || answer.items.length === 0) return items;
      }
    },
  });
  const patients = all.data ? patientsOf(all.data) : [];
  return (
    <Page title={t('patients.title')}>
      {all.isPending && <Busy label={t('patients.loading')} value={progress?.value} max={progress?.max} />}
      <ErrorAlert error={all.error} />
      {all.data && (
        <table>
          <caption>{t('patients.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('patients.name')}</th>
              <th scope="col">{t('patients.nir')}</th>
              <th scope="col">{t('patients.birthDate')}</th>
              <th scope="col">{t('patients.prescriptions')}</th>
            </tr>
          </thead>
          <tbody>
            {patients.length === 0 && (
              <tr>
                <td colSpan={4}>{t('common:none')}</td>
              </tr>
            )}
            {patients.map((patient) => (
              <tr key={patient.pseudonym}>
                <th scope="row">{patient.name}</th>
                <td className="mono">{patient.nir ?? '—'}</td>
                <td>
                  <Day value={patient.birthDate} />
                </td>
                <td>
                  <ul aria-label={`${t('patients.prescriptions')} — ${patient.name}`}>
                    {patient.prescriptions.map((prescription) => (
                      <li key={prescription.id}>
                        <Link to={`/physician/prescriptions/${prescription.id}`}>
                          {t('patients.prescriptionLink', {
                            indication: t(`common:indications.${prescription.indication}`),
                            start: formatDay(prescription.startDate, language),
                            end: formatDay(prescription.endDate, language),
                          })}
                        </Link>{' '}
                        <StatusBadge status={prescription.status} />
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
