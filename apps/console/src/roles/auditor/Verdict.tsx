import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The outcome of a whole verification, in words (never by colour alone),
 * announced when it arrives: the checks run after the answers come in.
 */
export function Verdict({ ok, children }: { ok: boolean; children: ReactNode }) {
  return (
    <p role="status" className={`alert ${ok ? 'alert-ok' : 'alert-error'}`}>
      <span className={ok ? 'verified' : 'not-verified'}>
        <span aria-hidden="true">{ok ? '✓ ' : '✗ '}</span>
        {children}
      </span>
    </p>
  );
}

/** One check of a verification: what was checked, "Vérifié" or "Non vérifié", and what it found. Inside a `dl.facts`. */
export function Check({ label, ok, children }: { label: string; ok: boolean; children?: ReactNode }) {
  const { t } = useTranslation('auditor');
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <span className={ok ? 'verified' : 'not-verified'}>
          <span aria-hidden="true">{ok ? '✓ ' : '✗ '}</span>
          {ok ? t('verified') : t('notVerified')}
        </span>
        {children ? <> — {children}</> : null}
      </dd>
    </>
  );
}
