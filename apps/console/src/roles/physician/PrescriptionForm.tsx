import { useMemo, useState, type FormEvent } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { Paged } from '../../api/api-client';
import { ApiError } from '../../api/api-error';
import { useApi } from '../../auth/session';
import { Busy } from '../../components/Busy';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { formatDay } from '../../format/dates';
import { useLanguage } from '../../i18n/use-language';
import {
  HOME_COVERAGES,
  INDICATIONS,
  MONITORING_MODES,
  PATIENT_SEXES,
  type DeviceView,
  type Evaluation,
  type HomeCoverage,
  type Indication,
  type MonitoringMode,
  type PrescriptionView,
  type RefusedBody,
} from './api-types';
import { Checkbox } from '../../components/Checkbox';
import { CLINICAL_FIELDS, type ClinicalField } from './clinical-fields';
import { hasFeedback, overridesOf } from './has-feedback';
import { HasFeedback } from './HasFeedback';
import { readyToEvaluate, requestBody, type PrescriptionForm as FormState } from './prescription-form';
import { useDebounced } from './use-debounced';

/** The fields, and beside them (below them on a narrow screen) the referential's answer: the feedback is seen as the fields change. */
const COLUMNS = { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(22rem, 1fr))', gap: '1.5rem', alignItems: 'start' } as const;

/** A device's long name stays inside its column. */
const FILL_COLUMN = { width: '100%', minWidth: 0 } as const;

/** How long typing must pause before the referential is asked again. */
const EVALUATION_DEBOUNCE_MS = 400;

/**
 * The prescription form, with the HAS referential's live feedback: each
 * change, once typing pauses, is sent to the dry run (`POST
 * /v1/prescriptions/evaluation`) and every rule's outcome shown; each WARN
 * asks its justification; issuing is offered only when the latest answer, to
 * the form as it stands, has no BLOCK and every WARN is justified. A renewal
 * (`renewed`) keeps the renewed prescription's patient, device, indication
 * and operator.
 */
export function PrescriptionForm({ initial, renewed }: { initial: FormState; renewed?: PrescriptionView }) {
  const { t } = useTranslation('physician');
  const api = useApi();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const language = useLanguage();
  const [form, setForm] = useState(initial);
  const [justifications, setJustifications] = useState<Record<string, string>>({});
  const renewalOf = renewed?.id;

  const body = useMemo(() => requestBody(form, { renewalOf }), [form, renewalOf]);
  const askedKey = readyToEvaluate(form) ? JSON.stringify(body) : '';
  const settledKey = useDebounced(askedKey, EVALUATION_DEBOUNCE_MS);
  const evaluation = useQuery({
    queryKey: ['physician', 'evaluation', settledKey],
    queryFn: () => api.post<Evaluation>('/v1/prescriptions/evaluation', JSON.parse(settledKey)),
    enabled: settledKey !== '',
    placeholderData: keepPreviousData,
  });
  const upToDate = askedKey !== '' && settledKey === askedKey && evaluation.isSuccess && !evaluation.isPlaceholderData && !evaluation.isFetching;
  const feedback = evaluation.data && askedKey !== '' ? hasFeedback(evaluation.data, justifications, upToDate) : undefined;
  const overrides = feedback ? overridesOf(feedback) : [];

  const issue = useMutation({
    mutationFn: () => api.post<PrescriptionView>('/v1/prescriptions', requestBody(form, { renewalOf, overrides })),
    onSuccess: async (issued) => {
      await queryClient.invalidateQueries({ queryKey: ['physician', 'prescriptions'] });
      navigate(`/physician/prescriptions/${issued.id}`, { state: { issued: true } });
    },
  });
  const issueError = issue.error instanceof ApiError ? issue.error : undefined;
  const refused = issueError?.status === 422 ? (issueError.body as RefusedBody).error : undefined;
  // The wrong field is named beside it: by the issue's 400, else by the dry run's.
  const badRequest = [issueError, evaluation.error].find((error): error is ApiError => error instanceof ApiError && error.status === 400);

  const change = (next: (current: FormState) => FormState) => {
    if (issue.isError) issue.reset();
    setForm(next);
  };
  const setPatient = <K extends keyof FormState['patient']>(name: K, value: FormState['patient'][K]) =>
    change((current) => ({ ...current, patient: { ...current.patient, [name]: value } }));
  const set = <K extends Exclude<keyof FormState, 'patient' | 'clinical'>>(name: K, value: FormState[K]) => change((current) => ({ ...current, [name]: value }));
  const setClinical = (name: string, value: string) => change((current) => ({ ...current, clinical: { ...current.clinical, [name]: value } }));

  const devices = useQuery({
    queryKey: ['physician', 'devices', form.indication],
    queryFn: () => api.get<Paged<DeviceView>>('/v1/devices', { status: 'CERTIFIED', indication: form.indication, pageSize: 200 }),
  });
  const device = devices.data?.items.find((item) => item.id === form.deviceId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (feedback?.canIssue && !issue.isPending) issue.mutate();
  };
  const canIssue = Boolean(feedback?.canIssue) && !issue.isPending;
  const label = (key: string) => t(key);

  return (
    <form onSubmit={submit} noValidate>
      <div style={COLUMNS}>
        <div className="form">
          {renewed && (
            <div className="alert">
              <p>{t('form.renewalIntro')}</p>
              <p>
                {t('form.renews')} : <Link to={`/physician/prescriptions/${renewed.id}`}>{renewed.id}</Link>
              </p>
            </div>
          )}
          <fieldset>
            <legend>{t('form.patient')}</legend>
            <Field label={label('form.nir')} field="patient.nir" error={badRequest} hint={t('form.nirHint')}>
              <input value={form.patient.nir} onChange={(e) => setPatient('nir', e.target.value)} autoComplete="off" spellCheck={false} disabled={Boolean(renewed)} />
            </Field>
            <Field label={label('form.birthDate')} field="patient.birthDate" error={badRequest}>
              <input type="date" value={form.patient.birthDate} onChange={(e) => setPatient('birthDate', e.target.value)} />
            </Field>
            <Field label={label('form.familyName')} field="patient.familyName" error={badRequest}>
              <input value={form.patient.familyName} onChange={(e) => setPatient('familyName', e.target.value)} autoComplete="off" />
            </Field>
            <Field label={label('form.givenNames')} field="patient.givenNames" error={badRequest}>
              <input value={form.patient.givenNames} onChange={(e) => setPatient('givenNames', e.target.value)} autoComplete="off" />
            </Field>
            <Field label={label('form.sex')} field="patient.sex" error={badRequest}>
              <select value={form.patient.sex} onChange={(e) => setPatient('sex', e.target.value)}>
                <option value="">{t('form.sexUnset')}</option>
                {PATIENT_SEXES.map((sex) => (
                  <option key={sex} value={sex}>
                    {t(`sexes.${sex}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={label('form.coverage')} field="patient.homeCellularCoverage" error={badRequest}>
              <select value={form.patient.homeCellularCoverage} onChange={(e) => setPatient('homeCellularCoverage', e.target.value as HomeCoverage)}>
                {HOME_COVERAGES.map((coverage) => (
                  <option key={coverage} value={coverage}>
                    {t(`coverages.${coverage}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Checkbox label={label('form.ald')} field="patient.ald" error={badRequest} checked={form.patient.ald} onChange={(checked) => setPatient('ald', checked)} />
          </fieldset>

          <fieldset>
            <legend>{t('form.prescription')}</legend>
            <Field label={label('form.indication')} field="indication" error={badRequest}>
              <select
                value={form.indication}
                disabled={Boolean(renewed)}
                onChange={(e) => change((current) => ({ ...current, indication: e.target.value as Indication, deviceId: '' }))}
              >
                {INDICATIONS.map((indication) => (
                  <option key={indication} value={indication}>
                    {t(`common:indications.${indication}`)}
                  </option>
                ))}
              </select>
            </Field>
            {devices.isPending && <Busy label={t('form.devicesLoading')} />}
            <ErrorAlert error={devices.error} />
            <Field
              label={label('form.device')}
              field="deviceId"
              error={badRequest}
              hint={
                device
                  ? t('form.deviceHint', { connectivity: device.connectivity.join(', '), validUntil: device.certification ? formatDay(device.certification.validUntil, language) : '—' })
                  : devices.data && devices.data.items.length === 0
                    ? t('form.noDevice')
                    : undefined
              }
            >
              <select value={form.deviceId} onChange={(e) => set('deviceId', e.target.value)} disabled={Boolean(renewed)} style={FILL_COLUMN}>
                <option value="">{t('form.chooseDevice')}</option>
                {renewed && !device && <option value={renewed.device.id}>{renewed.device.udiDi}</option>}
                {devices.data?.items.map((item) => (
                  <option key={item.id} value={item.id}>
                    {`${item.name} (${item.model}) — ${item.manufacturer.name} — UDI-DI ${item.udiDi}`}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={label('form.operatorOrg')} field="operatorOrg" error={badRequest}>
              <input value={form.operatorOrg} onChange={(e) => set('operatorOrg', e.target.value)} disabled={Boolean(renewed)} autoComplete="off" />
            </Field>
            <Field label={label('form.monitoringMode')} field="monitoringMode" error={badRequest}>
              <select value={form.monitoringMode} onChange={(e) => set('monitoringMode', e.target.value as MonitoringMode)}>
                {MONITORING_MODES.map((mode) => (
                  <option key={mode} value={mode}>
                    {t(`modes.${mode}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={label('form.durationMonths')} field="durationMonths" error={badRequest} hint={t('form.durationHint')}>
              <input type="number" min={1} max={12} step={1} inputMode="numeric" value={form.durationMonths} onChange={(e) => set('durationMonths', e.target.value)} />
            </Field>
          </fieldset>

          <fieldset>
            <legend>{t('form.clinical', { indication: t(`common:indications.${form.indication}`) })}</legend>
            {CLINICAL_FIELDS[form.indication].map((field) => (
              <ClinicalControl key={field.name} field={field} value={form.clinical[field.name] ?? ''} onChange={(value) => setClinical(field.name, value)} error={badRequest} />
            ))}
          </fieldset>
        </div>

        <div className="form">
          <section aria-labelledby="has-feedback-title">
            <h2 id="has-feedback-title">{t('feedback.title')}</h2>
            {askedKey === '' && <p>{t('feedback.waiting')}</p>}
            {askedKey !== '' && !upToDate && !evaluation.isError && <Busy label={feedback ? t('feedback.stale') : t('feedback.evaluating')} />}
            {askedKey !== '' && <ErrorAlert error={evaluation.error} />}
            {feedback && (
              <HasFeedback
                feedback={feedback}
                onJustify={(ruleId, text) => {
                  if (issue.isError) issue.reset();
                  setJustifications((current) => ({ ...current, [ruleId]: text }));
                }}
                error={badRequest}
                justificationField={(ruleId) => {
                  const index = overrides.findIndex((override) => override.ruleId === ruleId);
                  return index >= 0 ? `overrides[${index}].justification` : undefined;
                }}
              />
            )}
          </section>

          {refused && (
            <section aria-labelledby="refused-title">
              <h2 id="refused-title">{t('form.refused')}</h2>
              {refused.attemptId && <p>{t('form.attempt', { id: refused.attemptId })}</p>}
              {refused.evaluation && <HasFeedback feedback={hasFeedback(refused.evaluation, justifications, false)} />}
            </section>
          )}
          <ErrorAlert error={issue.error} />
          {issue.isPending && <Busy label={t('form.issuing')} />}
          <p id="prescription-form-status" className="field-hint">
            {canIssue ? t('feedback.ready') : t('form.cannotIssue')}
          </p>
          <div>
            <button type="submit" className="primary" disabled={!canIssue} aria-describedby="prescription-form-status">
              {t('form.issue')}
            </button>
          </div>
        </div>
      </div>
    </form>
  );
}

const ROMAN = ['', 'I', 'II', 'III', 'IV'];

/** One clinical field: yes/no with "not documented", a choice, or a number. */
function ClinicalControl({ field, value, onChange, error }: { field: ClinicalField; value: string; onChange: (value: string) => void; error?: unknown }) {
  const { t } = useTranslation('physician');
  const label = t(`clinical.${field.name}`);
  const path = `clinical.${field.name}`;
  if (field.kind === 'number') {
    return (
      <Field label={label} field={path} error={error}>
        <input type="number" min={0} step={field.step ?? 'any'} inputMode="decimal" value={value} onChange={(e) => onChange(e.target.value)} />
      </Field>
    );
  }
  const choices =
    field.kind === 'yesNo'
      ? [
          { value: 'true', text: t('yesNo.true') },
          { value: 'false', text: t('yesNo.false') },
        ]
      : field.choices.map((choice) => ({
          value: String(choice),
          text: typeof choice === 'string' ? t(`implantedDevices.${choice}`) : field.name === 'nyhaClass' ? `NYHA ${ROMAN[choice]}` : `${label} ${choice}`,
        }));
  return (
    <Field label={label} field={path} error={error}>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('yesNo.unknown')}</option>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.text}
          </option>
        ))}
      </select>
    </Field>
  );
}
