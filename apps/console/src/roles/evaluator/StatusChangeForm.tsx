import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { NamedForm } from '../../components/Section';
import type { StatusChange } from '../../devices/device-api';
import type { DeviceView } from '../../devices/device-view';
import { useDeviceApi, useDeviceWrite } from '../../devices/use-devices';
import { reasonOf } from './review-bodies';

/** A suspension, a reinstatement or a revocation (retrait), each with the reason the vendor and the audit will read. */
export function StatusChangeForm({ device, change, onDone }: { device: DeviceView; change: StatusChange; onDone: (message: string) => void }) {
  const { t } = useTranslation('evaluator');
  const devices = useDeviceApi();
  const [reason, setReason] = useState('');
  const write = useDeviceWrite(
    (text: string) => devices.changeStatus(device.id, change, reasonOf(text, { reasonRequired: t('statusChange.reasonRequired') })),
    () => onDone(t(`statusChange.${change}.done`)),
  );
  return (
    <NamedForm title={t(`statusChange.${change}.title`)} onSubmit={() => write.mutate(reason)}>
      <Field label={t(`statusChange.${change}.reason`)} field="reason" error={write.error}>
        <textarea value={reason} onChange={(event) => setReason(event.target.value)} rows={2} maxLength={2000} required />
      </Field>
      <ErrorAlert error={write.error} />
      <button type="submit" className={change === 'revocation' ? 'danger' : change === 'reinstatement' ? 'primary' : undefined} disabled={write.isPending}>
        {t(`statusChange.${change}.submit`)}
      </button>
    </NamedForm>
  );
}
