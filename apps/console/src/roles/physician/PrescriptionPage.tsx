import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { Paged } from '../../api/api-client';
import { useApi } from '../../auth/session';
import { Busy } from '../../components/Busy';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { Page } from '../../components/Page';
import { StatusBadge } from '../../components/StatusBadge';
import { useArrivalState } from '../../components/use-arrival-state';
import { DateTime, Day } from '../../components/When';
import { formatDateTime } from '../../format/dates';
import { useLanguage } from '../../i18n/use-language';
import type { DeviceView, EnrolmentView, PrescriptionView } from './api-types';
import { hasFeedback } from './has-feedback';
import { HasFeedback } from './HasFeedback';
import { patientName } from './patients';

/** Enrolments are created by another service after the issue: polled until there (API.md "Consistency"). */
const ENROLMENT_POLL_MS = 2_000;

/** One prescription: its facts, its evaluation, its enrolment; renewal, cancellation and its liability dossier. */
export function PrescriptionPage() {
  const { t } = useTranslation('physician');
  const language = useLanguage();
  const { id = '' } = useParams();
  const api = useApi();
  const prescription = useQuery({ queryKey: ['physician', 'prescriptions', 'one', id], queryFn: () => api.get<PrescriptionView>(`/v1/prescriptions/${id}`) });
  const p = prescription.data;
  const justIssued = useArrivalState<{ issued?: boolean }>()?.issued;
  return (
    <Page
      title={p ? `${t('prescription.title')} — ${patientName(p.patient)}` : t('prescription.title')}
      actions={
        p && (
          <>
            <Link className="button" to={`/physician/prescriptions/${p.id}/dossier`}>
              {t('prescription.dossier')}
            </Link>{' '}
            {(p.status === 'ISSUED' || p.status === 'EXPIRED') && (
              <Link className="button primary" to={`/physician/prescriptions/${p.id}/renewal`}>
                {t('prescription.renew')}
              </Link>
            )}
          </>
        )
      }
    >
      {prescription.isPending && <Busy />}
      <ErrorAlert error={prescription.error} />
      {justIssued && p && (
        <p role="status" className="alert alert-ok">
          {t('prescription.issued')}
        </p>
      )}
      {p && (
        <>
          <h2>{t('prescription.facts')}</h2>
          <PrescriptionFacts prescription={p} />
          {p.overrides.length > 0 && (
            <>
              <h2>{t('prescription.overrides')}</h2>
              <dl className="facts">
                {p.overrides.map((override) => (
                  <Fragment key={override.ruleId}>
                    <dt>{t(`rules.${override.ruleId}`, { defaultValue: override.ruleId })}</dt>
                    <dd>{override.justification ?? '—'}</dd>
                  </Fragment>
                ))}
              </dl>
            </>
          )}
          <h2>{t('prescription.evaluation')}</h2>
          <HasFeedback feedback={hasFeedback(p.evaluation, Object.fromEntries(p.overrides.map((o) => [o.ruleId, o.justification ?? ''])))} />
          <h2>{t('prescription.enrolment')}</h2>
          <Enrolment prescriptionId={p.id} />
          {p.cancellation && (
            <>
              <h2>{t('prescription.cancellation')}</h2>
              <p role="status" className="alert">
                {t('prescription.cancelledAt', { at: formatDateTime(p.cancellation.cancelledAt, language) })}
              </p>
              <p>{p.cancellation.reason ?? '—'}</p>
            </>
          )}
          {p.status === 'ISSUED' && <Cancellation prescription={p} />}
        </>
      )}
    </Page>
  );
}

function PrescriptionFacts({ prescription: p }: { prescription: PrescriptionView }) {
  const { t } = useTranslation('physician');
  const { t: common } = useTranslation();
  const api = useApi();
  const device = useQuery({ queryKey: ['physician', 'device', p.device.id], queryFn: () => api.get<DeviceView>(`/v1/devices/${p.device.id}`) });
  return (
    <dl className="facts">
      <dt>{t('prescription.status')}</dt>
      <dd>
        <StatusBadge status={p.status} />
      </dd>
      <dt>{t('prescription.patient')}</dt>
      <dd>{patientName(p.patient)}</dd>
      <dt>{t('prescription.nir')}</dt>
      <dd className="mono">{p.patient.nir ?? '—'}</dd>
      <dt>{t('prescription.birthDate')}</dt>
      <dd>{p.patient.birthDate && p.patient.birthDate !== 'erased' ? <Day value={p.patient.birthDate} /> : '—'}</dd>
      <dt>{t('prescription.pseudonym')}</dt>
      <dd className="mono">{p.patient.pseudonym}</dd>
      <dt>{t('prescription.ald')}</dt>
      <dd>{p.patient.ald ? common('yes') : common('no')}</dd>
      <dt>{t('prescription.coverage')}</dt>
      <dd>{t(`coverages.${p.patient.homeCellularCoverage}`)}</dd>
      <dt>{t('prescription.indication')}</dt>
      <dd>{t(`common:indications.${p.indication}`)}</dd>
      <dt>{t('prescription.device')}</dt>
      <dd>
        {device.data ? `${device.data.name} (${device.data.model}) — ${device.data.connectivity.join(', ')} — ` : ''}
        <span className="mono">UDI-DI {p.device.udiDi}</span>
      </dd>
      <dt>{t('prescription.operatorOrg')}</dt>
      <dd className="mono">{p.operatorOrg}</dd>
      <dt>{t('prescription.monitoringMode')}</dt>
      <dd>{t(`modes.${p.monitoringMode}`)}</dd>
      <dt>{t('prescription.duration')}</dt>
      <dd>{t('prescription.months', { count: p.durationMonths })}</dd>
      <dt>{t('prescription.period')}</dt>
      <dd>
        <Day value={p.startDate} /> – <Day value={p.endDate} />
      </dd>
      <dt>{t('prescription.issuedAt')}</dt>
      <dd>
        <DateTime iso={p.issuedAt} />
      </dd>
      {p.renewalOf && (
        <>
          <dt>{t('prescription.renewalOf')}</dt>
          <dd>
            <Link to={`/physician/prescriptions/${p.renewalOf}`}>{p.renewalOf}</Link>
          </dd>
        </>
      )}
    </dl>
  );
}

function Enrolment({ prescriptionId }: { prescriptionId: string }) {
  const { t } = useTranslation('physician');
  const api = useApi();
  const enrolments = useQuery({
    queryKey: ['physician', 'enrolments', prescriptionId],
    queryFn: () => api.get<Paged<EnrolmentView>>('/v1/enrolments', { prescriptionId }),
    refetchInterval: (query) => (query.state.data?.items.length ? false : ENROLMENT_POLL_MS),
  });
  const enrolment = enrolments.data?.items[0];
  if (enrolments.error) return <ErrorAlert error={enrolments.error} />;
  if (!enrolment) return <Busy label={t('prescription.enrolmentPending')} />;
  return (
    <dl className="facts">
      <dt>{t('prescription.enrolmentStatus')}</dt>
      <dd>
        <StatusBadge status={enrolment.status} />
      </dd>
      <dt>{t('prescription.consent')}</dt>
      <dd>{enrolment.consent ? <DateTime iso={enrolment.consent.signedAt} /> : t('prescription.consentNone')}</dd>
      <dt>{t('prescription.rights')}</dt>
      <dd>
        {t(`rightsStatuses.${enrolment.rights.status}`, { defaultValue: enrolment.rights.status })}
        {enrolment.rights.checkedAt && (
          <>
            {' '}
            (<DateTime iso={enrolment.rights.checkedAt} />)
          </>
        )}
      </dd>
      <dt>{t('prescription.assignedDevice')}</dt>
      <dd className="mono">{enrolment.device ? `${enrolment.device.serialNumber} (UDI-DI ${enrolment.device.udiDi})` : '—'}</dd>
      <dt>{t('prescription.activatedAt')}</dt>
      <dd>
        <DateTime iso={enrolment.activatedAt} />
      </dd>
      <dt>{t('prescription.lastTransmission')}</dt>
      <dd>
        <DateTime iso={enrolment.lastTransmissionAt} />
      </dd>
      {enrolment.endedAt && (
        <>
          <dt>{t('prescription.endedAt')}</dt>
          <dd>
            <DateTime iso={enrolment.endedAt} /> {enrolment.endCause ? `(${enrolment.endCause})` : ''}
          </dd>
        </>
      )}
    </dl>
  );
}

/** Cancelling with a reason (audited: it is in the dossier). The answer is the prescription after the action. */
function Cancellation({ prescription }: { prescription: PrescriptionView }) {
  const { t } = useTranslation('physician');
  const api = useApi();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const cancel = useMutation({
    mutationFn: () => api.post<PrescriptionView>(`/v1/prescriptions/${prescription.id}/cancellation`, { reason }),
    onSuccess: async (cancelled) => {
      queryClient.setQueryData(['physician', 'prescriptions', 'one', cancelled.id], cancelled);
      await queryClient.invalidateQueries({ queryKey: ['physician', 'prescriptions'] });
      await queryClient.invalidateQueries({ queryKey: ['physician', 'enrolments', cancelled.id] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    cancel.mutate();
  };
  return (
    <section aria-labelledby="cancel-title">
      <h2 id="cancel-title">{t('prescription.cancelTitle')}</h2>
      <form className="form" onSubmit={submit} noValidate>
        <Field label={t('prescription.cancelReason')} field="reason" error={cancel.error} hint={t('prescription.cancelHint')}>
          <textarea rows={3} value={reason} maxLength={2000} onChange={(event) => setReason(event.target.value)} />
        </Field>
        <ErrorAlert error={cancel.error} />
        {cancel.isPending && <Busy label={t('prescription.cancelling')} />}
        <div>
          <button type="submit" className="danger" disabled={cancel.isPending}>
            {t('prescription.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
