import { useId, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { formatEuros } from '../../format/money';
import { useLanguage } from '../../i18n/use-language';
import { adjudicationBody, type AdjudicationForm as FormState, type Decision, type LineChoice, partialTotals } from './adjudication';
import { type Claim, type ClaimLine, CLAIMS_KEYS, type ReasonCode } from './claim-api';
import { reasonLabel } from './reason-label';
import { useClaimApi, useReasonCodes } from './use-claims';

const DECISIONS: Decision[] = ['APPROVE', 'REJECT', 'PARTIAL'];
const DECISION_LABELS = { APPROVE: 'adjudication.approve', REJECT: 'adjudication.reject', PARTIAL: 'adjudication.partial' } as const;

/**
 * The processor's decision on a SUBMITTED claim: approve it, reject it with a
 * reason code (and a note), or decide each line (each approved, or rejected
 * with its reason code), the approved amount shown as the lines are decided.
 */
export function AdjudicationForm({ claim }: { claim: Claim }) {
  const { t } = useTranslation('claims-processor');
  const claims = useClaimApi();
  const reasons = useReasonCodes();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<FormState>({ decision: '', reasonCode: '', note: '', lines: {} });
  const messages = { chooseDecision: t('adjudication.chooseDecision'), chooseReason: t('adjudication.reasonRequired'), decideLine: t('adjudication.decideLine'), approveOne: t('adjudication.approveOne') };
  const adjudicate = useMutation({
    mutationFn: () => claims.adjudicate(claim.id, adjudicationBody(form, claim.lines, messages)),
    onSuccess: async (decided) => {
      queryClient.setQueryData(CLAIMS_KEYS.claim(claim.id), decided);
      await queryClient.invalidateQueries({ queryKey: CLAIMS_KEYS.all });
    },
  });
  const error = adjudicate.error;
  // A refusal is about the form as it was sent: once the form changes, the live total says where it stands instead.
  const change = (next: (current: FormState) => FormState) => {
    if (adjudicate.error) adjudicate.reset();
    setForm(next);
  };
  const setLine = (kind: ClaimLine['kind'], patch: Partial<LineChoice>) =>
    change((current) => ({ ...current, lines: { ...current.lines, [kind]: { decision: '', reasonCode: '', ...current.lines[kind], ...patch } } }));
  return (
    <form
      className="form"
      noValidate
      aria-label={t('adjudication.title')}
      onSubmit={(event) => {
        event.preventDefault();
        adjudicate.mutate();
      }}
    >
      <fieldset aria-describedby={problemId(error, 'decision')}>
        <legend>{t('adjudication.decision')}</legend>
        {DECISIONS.map((decision) => (
          <label key={decision} className="checkbox">
            <input type="radio" name="decision" value={decision} checked={form.decision === decision} onChange={() => change((current) => ({ ...current, decision }))} />
            {t(DECISION_LABELS[decision])}
          </label>
        ))}
        <FieldProblem error={error} field="decision" />
      </fieldset>
      {form.decision === 'REJECT' && (
        <>
          <Field label={t('adjudication.reasonCode')} field="reasonCode" error={error}>
            <select value={form.reasonCode} onChange={(event) => change((current) => ({ ...current, reasonCode: event.target.value }))}>
              <ReasonOptions reasons={reasons.data} />
            </select>
          </Field>
          <Field label={t('adjudication.note')} field="note" error={error}>
            <textarea value={form.note} onChange={(event) => change((current) => ({ ...current, note: event.target.value }))} rows={3} maxLength={2000} />
          </Field>
        </>
      )}
      {form.decision === 'PARTIAL' && <LineDecisions claim={claim} form={form} reasons={reasons.data} error={error} onChange={setLine} />}
      <ErrorAlert error={reasons.error} />
      <ErrorAlert error={error} />
      <button type="submit" className="primary" disabled={adjudicate.isPending}>
        {t('adjudication.submit')}
      </button>
    </form>
  );
}

export function LineDecisions({
  claim,
  form,
  reasons,
  error,
  onChange,
}: {
  claim: Claim;
  form: FormState;
  reasons?: readonly ReasonCode[];
  error: unknown;
  onChange: (kind: ClaimLine['kind'], patch: Partial<LineChoice>) => void;
}) {
  const { t } = useTranslation('claims-processor');
  const language = useLanguage();
  const groupName = useId();
  const totals = partialTotals(claim.lines, form.lines, claim.amoRatePercent ?? 100);
  return (
    <>
      {claim.lines.map((line, index) => {
        const choice = form.lines[line.kind];
        const decisionField = `lines[${index}].decision`;
        return (
          <fieldset key={line.kind} aria-describedby={problemId(error, decisionField)}>
            <legend>{t('adjudication.lineLegend', { kind: t(`kinds.${line.kind}`), code: line.code, amount: formatEuros(line.amountCents, language) })}</legend>
            {(['APPROVE', 'REJECT'] as const).map((decision) => (
              <label key={decision} className="checkbox">
                <input
                  type="radio"
                  name={`${groupName}-${line.kind}`}
                  value={decision}
                  checked={choice?.decision === decision}
                  onChange={() => onChange(line.kind, { decision })}
                />
                {t(decision === 'APPROVE' ? 'adjudication.lineApprove' : 'adjudication.lineReject')}
              </label>
            ))}
            <FieldProblem error={error} field={decisionField} />
            {choice?.decision === 'REJECT' && (
              <Field label={t('adjudication.lineReason')} field={`lines[${index}].reasonCode`} error={error}>
                <select value={choice.reasonCode} onChange={(event) => onChange(line.kind, { reasonCode: event.target.value })}>
                  <ReasonOptions reasons={reasons} />
                </select>
              </Field>
            )}
          </fieldset>
        );
      })}
      {/* An <output> is a polite live region: the new total is announced as each line is decided. */}
      <p className="alert">
        <output>
          {t('adjudication.approvedSoFar', {
            approved: formatEuros(totals.approvedCents, language),
            total: formatEuros(claim.totalCents, language),
            amo: formatEuros(totals.amoShareCents, language),
          })}
          {totals.undecided > 0 && ` ${t('adjudication.undecided', { count: totals.undecided })}`}
        </output>
      </p>
      <FieldProblem error={error} field="lines" />
    </>
  );
}

function ReasonOptions({ reasons = [] }: { reasons?: readonly ReasonCode[] }) {
  const { t } = useTranslation('claims-processor');
  return (
    <>
      <option value="">{t('adjudication.chooseReason')}</option>
      {reasons.map((reason) => (
        <option key={reason.code} value={reason.code}>
          {reasonLabel(t, reason.code, reasons)}
        </option>
      ))}
    </>
  );
}

/** The API's (or the form's own) message for a field that is a group of radios rather than one control. */
function FieldProblem({ error, field }: { error: unknown; field: string }) {
  const message = error instanceof ApiError ? error.problemFor(field) : undefined;
  if (!message) return null;
  return (
    <p id={problemId(error, field)} className="field-error">
      {message}
    </p>
  );
}

const problemId = (error: unknown, field: string): string | undefined =>
  error instanceof ApiError && error.problemFor(field) ? `problem-${field.replace(/[^a-z0-9]/gi, '-')}` : undefined;
