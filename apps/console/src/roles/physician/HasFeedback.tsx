import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import type { Feedback } from './has-feedback';
import { OutcomeBadge } from './OutcomeBadge';

/**
 * The HAS referential's answer, rule by rule, as the physician fills the
 * form: what blocks, what warns, and for each warning the justification it
 * asks (with how far it still is from counting). `onJustify` absent: the
 * evaluation is only shown (a prescription's, or a refused one).
 * `justificationField` names a justification's path in the request body, for
 * the API's 400 to land beside it. It sits under an h2: its own headings are h3.
 */
export function HasFeedback({
  feedback,
  onJustify,
  error,
  justificationField,
}: {
  feedback: Feedback;
  onJustify?: (ruleId: string, text: string) => void;
  error?: unknown;
  justificationField?: (ruleId: string) => string | undefined;
}) {
  const { t } = useTranslation('physician');
  const ruleName = (ruleId: string) => t(`rules.${ruleId}`, { defaultValue: ruleId });
  const warned = feedback.rows.filter((row) => row.justification);
  return (
    <div className="has-feedback">
      <p>{t('feedback.referential', { version: feedback.referentialVersion })}</p>
      <div role="status" aria-live="polite" className={feedback.canIssue ? 'alert alert-ok' : 'alert alert-error'}>
        {feedback.blocking.length > 0 && <p>{t('feedback.blocking', { count: feedback.blocking.length, rules: feedback.blocking.map(ruleName).join(', ') })}</p>}
        {feedback.toJustify.length > 0 && <p>{t('feedback.toJustify', { count: feedback.toJustify.length, rules: feedback.toJustify.map(ruleName).join(', ') })}</p>}
        {feedback.blocking.length === 0 && feedback.toJustify.length === 0 && <p>{t('feedback.ready')}</p>}
      </div>
      <table>
        <caption>{t('feedback.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('feedback.rule')}</th>
            <th scope="col">{t('feedback.outcome')}</th>
            <th scope="col">{t('feedback.message')}</th>
          </tr>
        </thead>
        <tbody>
          {feedback.rows.map((row) => (
            <tr key={row.ruleId} data-rule={row.ruleId}>
              <th scope="row">
                {ruleName(row.ruleId)} <code>{row.ruleId}</code>
              </th>
              <td>
                <OutcomeBadge outcome={row.outcome} />
              </td>
              <td>{row.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {onJustify && warned.length > 0 && (
        <>
          <h3>{t('feedback.justifications')}</h3>
          {warned.map((row) => {
            const state = row.justification!;
            return (
              <Field
                key={row.ruleId}
                label={t('feedback.justification', { rule: `${ruleName(row.ruleId)} (${row.ruleId})` })}
                field={justificationField?.(row.ruleId)}
                error={error}
                hint={`${t('feedback.justificationHint')} ${state.justified ? t('feedback.justified') : t('feedback.missing', { count: state.missing })}`}
              >
                <textarea rows={3} value={state.text} required minLength={20} maxLength={2000} onChange={(event) => onJustify(row.ruleId, event.target.value)} />
              </Field>
            );
          })}
        </>
      )}
    </div>
  );
}
