import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceView } from '../../devices/device-view';
import { useDeviceApi, useDeviceWrite } from '../../devices/use-devices';
import { conformityChecklist, type EvidenceChecks } from './checklist';
import { CertifyForm } from './CertifyForm';
import { ConformityChecklist } from './ConformityChecklist';
import { RejectForm } from './RejectForm';
import { certifyBody, type CertifyForm as CertifyFormState } from './review-bodies';

/**
 * A SUBMITTED device's evaluation: the conformity checklist, then the
 * decision, to certify (once every applicable rule is met and its evidence
 * checked) or to reject. The certification's refusal shows on the checklist
 * too, by the rule's field.
 */
export function SubmittedReview({ device, onDone }: { device: DeviceView; onDone: (message: string) => void }) {
  const { t } = useTranslation('evaluator');
  const devices = useDeviceApi();
  const [checked, setChecked] = useState<EvidenceChecks>({});
  const items = conformityChecklist(device);
  const certify = useDeviceWrite(
    (form: CertifyFormState) => devices.review(device.id, certifyBody(form, { validUntilRequired: t('certify.validUntilRequired') })),
    () => onDone(t('certify.done')),
  );
  return (
    <>
      <ConformityChecklist device={device} checked={checked} onCheck={(rule, on) => setChecked((current) => ({ ...current, [rule]: on }))} error={certify.error} />
      <CertifyForm device={device} items={items} checked={checked} certify={certify} />
      <RejectForm device={device} items={items} onDone={onDone} />
    </>
  );
}
