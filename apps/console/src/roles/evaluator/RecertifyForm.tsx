import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { NamedForm } from '../../components/Section';
import type { DeviceView } from '../../devices/device-view';
import { useDeviceApi, useDeviceWrite } from '../../devices/use-devices';
import { type RecertifyForm as FormState, recertifyBody } from './review-bodies';

/** A certified product's validity extended to a later day (the API refuses one not after the current end), its indications kept. */
export function RecertifyForm({ device, onDone }: { device: DeviceView; onDone: (message: string) => void }) {
  const { t } = useTranslation('evaluator');
  const devices = useDeviceApi();
  const [form, setForm] = useState<FormState>({ validUntil: '', notes: '' });
  const recertify = useDeviceWrite(
    (state: FormState) => devices.recertify(device.id, recertifyBody(state, { validUntilRequired: t('certify.validUntilRequired') })),
    () => onDone(t('recertify.done')),
  );
  return (
    <NamedForm title={t('recertify.title')} onSubmit={() => recertify.mutate(form)}>
      <Field label={t('recertify.validUntil')} hint={t('recertify.validUntilHint')} field="validUntil" error={recertify.error}>
        <input type="date" value={form.validUntil} onChange={(event) => setForm({ ...form, validUntil: event.target.value })} required />
      </Field>
      <Field label={t('recertify.notes')} field="notes" error={recertify.error}>
        <textarea value={form.notes} onChange={(event) => setForm({ ...form, notes: event.target.value })} rows={2} maxLength={4000} />
      </Field>
      <ErrorAlert error={recertify.error} />
      <button type="submit" disabled={recertify.isPending}>
        {t('recertify.submit')}
      </button>
    </NamedForm>
  );
}
