import { useTranslation } from 'react-i18next';
import type { Enrolment } from './enrolment-api';
import { waitsOf } from './enrolment-waits';

const MARKS = { DONE: '✓', WAITING: '…', BLOCKED: '✗' } as const;

/** Each step before monitoring and where it stands, said in words (the mark is decoration). */
export function WaitsList({ enrolment }: { enrolment: Enrolment }) {
  const { t } = useTranslation('operator');
  return (
    <ul className="waits">
      {waitsOf(enrolment).map((wait) => (
        <li key={wait.step} className={wait.state === 'BLOCKED' ? 'not-verified' : undefined}>
          <span aria-hidden="true">{MARKS[wait.state]} </span>
          {t('waits.line', { step: t(`waits.steps.${wait.step}`), state: t(`waits.states.${wait.state}`) })}
          {wait.reason && ` — ${t(`waits.reasons.${wait.reason}`)}`}
        </li>
      ))}
    </ul>
  );
}
