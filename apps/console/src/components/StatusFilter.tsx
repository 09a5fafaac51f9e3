import { useTranslation } from 'react-i18next';
import { Field } from './Field';

/** A list's status filter: every status of the resource by its name, or all of them (the empty value, sent as no filter). */
export function StatusFilter({ statuses, value, onChange }: { statuses: readonly string[]; value: string; onChange: (status: string) => void }) {
  const { t } = useTranslation();
  return (
    <Field label={t('status')}>
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('allStatuses')}</option>
        {statuses.map((status) => (
          <option key={status} value={status}>
            {t(`statuses.${status}`, { defaultValue: status })}
          </option>
        ))}
      </select>
    </Field>
  );
}
