import { useTranslation } from 'react-i18next';
import type { Outcome } from './api-types';

/** A rule's outcome in words (the code kept as the title); its colour is never the only cue. */
export function OutcomeBadge({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation('physician');
  return (
    <span className={`badge badge-${outcome.toLowerCase()}`} title={outcome}>
      {t(`outcomes.${outcome}`)}
    </span>
  );
}
