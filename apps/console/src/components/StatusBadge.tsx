import { useTranslation } from 'react-i18next';

/** A resource's status in words (the API's code kept as the title), with a colour that is never the only cue. */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-${status.toLowerCase()}`} title={status}>
      {t(`statuses.${status}`, { defaultValue: status })}
    </span>
  );
}
