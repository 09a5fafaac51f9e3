import type { Enrolment } from './enrolment-api';

/** What monitoring needs before it starts (API.md activation): a consent, open rights, the prescribed device, the activation. */
export type WaitStep = 'consent' | 'rights' | 'device' | 'activation';

/** Done; waiting for someone to act; or stuck on an answer that must change first. */
export type WaitState = 'DONE' | 'WAITING' | 'BLOCKED';

export interface Wait {
  step: WaitStep;
  state: WaitState;
  /** Why it waits or is stuck, when there is more to say than the state (a label key of `waits.reasons`). */
  reason?: 'refused' | 'withdrawn' | 'pending' | 'closed' | 'unavailable' | 'mismatch';
}

/**
 * Each step an enrolment goes through, in order, and where it stands: the
 * operator sees at once what the enrolment still waits for, and what blocks it
 * (a refused consent, closed rights, a device that is not the prescribed product).
 */
export function waitsOf(enrolment: Enrolment): Wait[] {
  return [consentWait(enrolment), rightsWait(enrolment), deviceWait(enrolment), { step: 'activation', state: enrolment.activatedAt ? 'DONE' : 'WAITING' }];
}

/** The steps not done yet. */
export const awaitedSteps = (enrolment: Enrolment): WaitStep[] => waitsOf(enrolment).filter((wait) => wait.state !== 'DONE').map((wait) => wait.step);

function consentWait({ consent }: Enrolment): Wait {
  if (!consent) return { step: 'consent', state: 'WAITING' };
  if (consent.decision === 'REFUSED') return { step: 'consent', state: 'BLOCKED', reason: 'refused' };
  if (consent.withdrawnAt) return { step: 'consent', state: 'WAITING', reason: 'withdrawn' };
  return { step: 'consent', state: 'DONE' };
}

function rightsWait({ rights }: Enrolment): Wait {
  switch (rights.status) {
    case 'OPEN':
      return { step: 'rights', state: 'DONE' };
    case 'CLOSED':
      return { step: 'rights', state: 'BLOCKED', reason: 'closed' };
    case 'UNAVAILABLE':
      return { step: 'rights', state: 'BLOCKED', reason: 'unavailable' };
    default:
      return { step: 'rights', state: 'WAITING', reason: 'pending' };
  }
}

function deviceWait({ device, prescribedUdiDi }: Enrolment): Wait {
  if (!device) return { step: 'device', state: 'WAITING' };
  if (prescribedUdiDi && device.udiDi !== prescribedUdiDi) return { step: 'device', state: 'BLOCKED', reason: 'mismatch' };
  return { step: 'device', state: 'DONE' };
}
