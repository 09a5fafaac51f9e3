import { useTranslation } from 'react-i18next';

/**
 * Long work in progress: a progress bar (determinate when the work says how
 * far it is), announced politely to screen readers.
 */
export function Busy({ label, value, max }: { label?: string; value?: number; max?: number }) {
  const { t } = useTranslation();
  const text = label ?? t('loading');
  return (
    <div className="busy" role="status" aria-live="polite">
      <progress aria-label={text} value={value} max={max} />
      <span>{value !== undefined && max ? `${text} ${Math.round((100 * value) / max)} %` : text}</span>
    </div>
  );
}
