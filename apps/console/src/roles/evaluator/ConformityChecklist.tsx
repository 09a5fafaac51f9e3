import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import type { DeviceView } from '../../devices/device-view';
import { type ChecklistItem, conformityChecklist, type ConformityOutcome, type ConformityRule, type EvidenceChecks } from './checklist';

/** The console's badge colours (a second cue: the outcome is always in words): met as a pass, not met as a block. */
const OUTCOME_BADGE: Record<ConformityOutcome, string> = { MET: 'badge-pass', NOT_MET: 'badge-block', NOT_APPLICABLE: 'badge-not-applicable' };

/** The requirement a rule puts on this device, in words: why it applies or does not. */
const requirementKey = (item: ChecklistItem): string =>
  item.outcome === 'NOT_APPLICABLE' ? `checklist.requirements.${item.rule}_NOT_APPLICABLE` : `checklist.requirements.${item.rule}`;

/**
 * The declaration held against the certification rules: each rule, what it
 * asks of this device, its outcome in words (the badge's colour is only a
 * second cue), the evidence declared and, for a rule met, the evaluator's
 * "evidence checked" box. What the server said of a rule's field when it
 * refused (`error`, its 422) is shown on that rule's row.
 */
export function ConformityChecklist({
  device,
  checked,
  onCheck,
  error,
}: {
  device: DeviceView;
  checked: EvidenceChecks;
  onCheck: (rule: ConformityRule, checked: boolean) => void;
  error?: unknown;
}) {
  const { t } = useTranslation('evaluator');
  const id = useId();
  const items = conformityChecklist(device);
  return (
    <fieldset className="checklist" aria-describedby={`${id}-hint`}>
      <legend>{t('checklist.legend')}</legend>
      <p id={`${id}-hint`} className="field-hint">
        {t('checklist.hint')}
      </p>
      <table>
        <caption>{t('checklist.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('checklist.rule')}</th>
            <th scope="col">{t('checklist.requirement')}</th>
            <th scope="col">{t('checklist.outcome')}</th>
            <th scope="col">{t('checklist.evidence')}</th>
            <th scope="col">{t('checklist.verification')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const ruleId = `${id}-${item.rule}`;
            const problem = error instanceof ApiError ? error.problemFor(item.field) : undefined;
            return (
              <tr key={item.rule}>
                <th scope="row" id={ruleId}>
                  {t(`checklist.rules.${item.rule}`)}
                </th>
                <td>{t(requirementKey(item), { ceClass: device.ceClass })}</td>
                <td>
                  <span className={`badge ${OUTCOME_BADGE[item.outcome]}`}>{t(`checklist.outcomes.${item.outcome}`)}</span>
                  {problem && (
                    <p id={`${ruleId}-error`} className="field-error">
                      {problem}
                    </p>
                  )}
                </td>
                <td>{item.evidence ? <code className="mono">{item.evidence}</code> : t('checklist.noEvidence')}</td>
                <td>
                  {item.outcome === 'MET' ? (
                    <span className="checkbox">
                      {/* Named by its label and its row's rule ("Preuve vérifiée HDS — …"): one name per box, the visible words first. */}
                      <input
                        type="checkbox"
                        id={`${ruleId}-checked`}
                        checked={checked[item.rule] === true}
                        onChange={(event) => onCheck(item.rule, event.target.checked)}
                        aria-labelledby={`${ruleId}-checked-label ${ruleId}`}
                        aria-describedby={problem ? `${ruleId}-error` : undefined}
                      />
                      <label id={`${ruleId}-checked-label`} htmlFor={`${ruleId}-checked`}>
                        {t('checklist.evidenceChecked')}
                      </label>
                    </span>
                  ) : (
                    t('checklist.nothingToCheck')
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </fieldset>
  );
}
