import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localFieldProblem } from '../../api/api-error';
import { problemsUnder } from '../../api/field-problems';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { NamedForm } from '../../components/Section';
import type { DeviceView } from '../../devices/device-view';
import { useDeviceApi, useDeviceWrite } from '../../devices/use-devices';
import type { ChecklistItem } from './checklist';
import { rejectBody, rejectionDraft } from './review-bodies';

/**
 * The rejection: its reasons, one a line, first drafted from the rules not
 * met (a sentence each) for the evaluator to keep, edit or add to. The
 * vendor reads them on its product's page.
 */
export function RejectForm({ device, items, onDone }: { device: DeviceView; items: readonly ChecklistItem[]; onDone: (message: string) => void }) {
  const { t } = useTranslation('evaluator');
  const devices = useDeviceApi();
  const [text, setText] = useState(() => rejectionDraft(items, (item) => t(`checklist.notMet.${item.rule}`, { ceClass: device.ceClass })));
  const reject = useDeviceWrite(
    (reasons: string) => devices.review(device.id, rejectBody(reasons, { reasonsRequired: t('reject.reasonsRequired') })),
    () => onDone(t('reject.done')),
  );
  // A 400 may name one line (`reasons[2]`): the textarea holds them all, so it shows them all.
  const problem = problemsUnder(reject.error, 'reasons');
  return (
    <NamedForm title={t('reject.title')} onSubmit={() => reject.mutate(text)}>
      <Field label={t('reject.reasons')} hint={t('reject.reasonsHint')} field="reasons" error={problem ? localFieldProblem('reasons', problem) : undefined}>
        <textarea value={text} onChange={(event) => setText(event.target.value)} rows={4} required />
      </Field>
      <ErrorAlert error={reject.error} />
      <button type="submit" className="danger" disabled={reject.isPending}>
        {t('reject.submit')}
      </button>
    </NamedForm>
  );
}
