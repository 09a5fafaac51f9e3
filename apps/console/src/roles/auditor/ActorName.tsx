import { useTranslation } from 'react-i18next';
import type { LedgerEntry } from './ledger-api';

/** Who acted: their role in words, then their id (the token's subject). */
export function ActorName({ actor }: { actor: LedgerEntry['actor'] }) {
  const { t } = useTranslation();
  return (
    <span>
      {t(`roles.${actor.role}`, { defaultValue: actor.role })} <code className="mono">{actor.id}</code>
    </span>
  );
}
