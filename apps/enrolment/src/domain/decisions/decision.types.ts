import type { CommandOf, EnrolmentCommandType } from '../enrolment.commands';
import { EnrolmentErrors } from '../enrolment.errors';
import type { Enrolment, EnrolmentEvent, EnrolmentState, EnrolmentStatus } from '../enrolment.state';

/** The decisions of some commands, one function each: the decider's exhaustive table is their union. */
export type Decisions<T extends EnrolmentCommandType> = { [K in T]: (command: CommandOf<K>, state: EnrolmentState) => EnrolmentEvent[] };

/** The enrolment a step acts on; a missing one is the admission's 404 (never reached through HTTP). */
export function existing(state: EnrolmentState): Enrolment {
  if (state.status === 'NONE') throw EnrolmentErrors.notFound('(unknown)');
  return state;
}

/** The enrolment, refused with a 409 unless it is in one of `allowed`. */
export function inStatus(state: EnrolmentState, action: string, allowed: readonly EnrolmentStatus[]): Enrolment {
  const enrolment = existing(state);
  if (enrolment.status === 'ENDED' && !allowed.includes('ENDED')) throw EnrolmentErrors.ended(action);
  if (!allowed.includes(enrolment.status)) throw EnrolmentErrors.wrongState(action, enrolment.status, allowed);
  return enrolment;
}

export const NOT_ENDED: readonly EnrolmentStatus[] = ['PENDING_CONSENT', 'PENDING_ACTIVATION', 'ACTIVE', 'SUSPENDED'];

export const iso = (instant: Date): string => instant.toISOString();

/** An instant a user gives is never after the platform clock's. */
export function notInFuture(field: string, instant: Date, now: Date): void {
  if (instant.getTime() > now.getTime()) throw EnrolmentErrors.inFuture(field);
}
