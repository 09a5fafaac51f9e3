import { useId, useState } from 'react';
import type { UseMutationResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { NamedForm } from '../../components/Section';
import type { DeviceView } from '../../devices/device-view';
import { type ChecklistItem, checklistReady, type EvidenceChecks, notMet, unchecked } from './checklist';
import type { CertifyForm as FormState } from './review-bodies';

/** The certification write, owned by the review so the checklist shows its refusal by rule too. */
export type CertifyWrite = UseMutationResult<DeviceView, Error, FormState>;

/**
 * The certification's terms: until when (a day, its end in Paris), the LPP
 * code, the indications certified among those declared (all by default),
 * notes. Sent only once the checklist is ready, a line saying why not until
 * then; the API judges the terms and the rules again.
 */
export function CertifyForm({ device, items, checked, certify }: { device: DeviceView; items: readonly ChecklistItem[]; checked: EvidenceChecks; certify: CertifyWrite }) {
  const { t } = useTranslation('evaluator');
  const blockedId = useId();
  const [form, setForm] = useState<FormState>({ validUntil: '', lppCode: '', certifiedIndications: [...device.indications], notes: '' });
  const error = certify.error;
  const ruleNames = (list: readonly ChecklistItem[]) => list.map((item) => t(`checklist.rules.${item.rule}`)).join(', ');
  const ready = checklistReady(items, checked);
  const blocked = notMet(items);
  const blockedLine =
    blocked.length > 0 ? t('certify.blockedNotMet', { rules: ruleNames(blocked) }) : t('certify.blockedUnchecked', { rules: ruleNames(unchecked(items, checked)) });
  return (
    <NamedForm
      title={t('certify.title')}
      onSubmit={() => {
        // Enter in a field submits too: the disabled button alone would not hold it back.
        if (ready) certify.mutate(form);
      }}
    >
      <Field label={t('certify.validUntil')} hint={t('certify.validUntilHint')} field="validUntil" error={error}>
        <input type="date" value={form.validUntil} onChange={(event) => setForm({ ...form, validUntil: event.target.value })} required />
      </Field>
      <Field label={t('certify.lppCode')} hint={t('certify.lppCodeHint')} field="lppCode" error={error}>
        <input type="text" inputMode="numeric" autoComplete="off" value={form.lppCode} onChange={(event) => setForm({ ...form, lppCode: event.target.value })} required />
      </Field>
      <CheckboxGroup
        legend={t('certify.certifiedIndications')}
        hint={t('certify.certifiedIndicationsHint')}
        options={device.indications}
        selected={form.certifiedIndications}
        onChange={(certifiedIndications) => setForm({ ...form, certifiedIndications })}
        labelOf={(code) => t(`common:indications.${code}`, { defaultValue: code })}
        field="certifiedIndications"
        error={error}
      />
      <Field label={t('certify.notes')} field="notes" error={error}>
        <textarea value={form.notes} onChange={(event) => setForm({ ...form, notes: event.target.value })} rows={3} maxLength={4000} />
      </Field>
      <ErrorAlert error={error} />
      {!ready && (
        <p id={blockedId} className="field-hint">
          {blockedLine}
        </p>
      )}
      <button type="submit" className="primary" disabled={!ready || certify.isPending} aria-describedby={ready ? undefined : blockedId}>
        {t('certify.submit')}
      </button>
    </NamedForm>
  );
}
