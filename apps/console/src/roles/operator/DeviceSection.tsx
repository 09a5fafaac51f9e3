import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import type { Enrolment } from './enrolment-api';
import { Done, NamedForm, Section } from '../../components/Section';
import { useEnrolmentApi, useEnrolmentWrite } from './use-enrolments';

/**
 * The device given to the patient: its serial number and UDI-DI, which must
 * be the prescribed product's (offered as the default). While the monitoring
 * runs, the same form replaces a faulty device.
 */
export function DeviceSection({ enrolment }: { enrolment: Enrolment }) {
  const { t } = useTranslation('operator');
  const enrolments = useEnrolmentApi();
  const [serialNumber, setSerialNumber] = useState('');
  const [udiDi, setUdiDi] = useState(enrolment.prescribedUdiDi ?? '');
  const assign = useEnrolmentWrite(enrolment.id, () => enrolments.assignDevice(enrolment.id, { serialNumber: serialNumber.trim(), udiDi: udiDi.trim() }));
  const action = enrolment.device ? t('device.replace') : t('device.assign');
  return (
    <Section title={t('device.title')}>
      <p>{enrolment.device ? t('enrolment.deviceValue', enrolment.device) : t('enrolment.none')}</p>
      {enrolment.status !== 'ENDED' && (
        <NamedForm title={action} onSubmit={() => assign.mutate(undefined)}>
          <Field label={t('device.serialNumber')} field="serialNumber" error={assign.error}>
            <input value={serialNumber} onChange={(event) => setSerialNumber(event.target.value)} required autoComplete="off" />
          </Field>
          <Field
            label={t('device.udiDi')}
            field="udiDi"
            error={assign.error}
            hint={enrolment.prescribedUdiDi ? t('device.udiDiHint', { udiDi: enrolment.prescribedUdiDi }) : undefined}
          >
            <input value={udiDi} onChange={(event) => setUdiDi(event.target.value)} required autoComplete="off" className="mono" />
          </Field>
          <ErrorAlert error={assign.error} />
          {assign.isSuccess && <Done>{t('device.assigned')}</Done>}
          <button type="submit" className="primary" disabled={assign.isPending}>
            {action}
          </button>
        </NamedForm>
      )}
    </Section>
  );
}
