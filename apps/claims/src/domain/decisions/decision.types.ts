import type { StepActorV1 } from '@app/contracts';
import type { ClaimCommandType, CommandOf } from '../claim.commands';
import { ClaimErrors } from '../claim.errors';
import type { Claim, ClaimEvent, ClaimState } from '../claim.state';

/** The decisions of some commands, one function each: the decider's exhaustive table is their union. */
export type Decisions<T extends ClaimCommandType> = { [K in T]: (command: CommandOf<K>, state: ClaimState) => ClaimEvent[] };

/** The claim a step acts on; a missing one is the admission's 404 (never reached through HTTP). */
export function existing(state: ClaimState): Claim {
  if (state.status === 'NONE') throw ClaimErrors.notFound('(unknown)');
  return state;
}

export const iso = (instant: Date): string => instant.toISOString();

/** The platform's own steps, as events record them. */
export const VALIDATION_ACTOR: StepActorV1 = { role: 'system', id: 'system:claim-validation' };
export const AMO_ACTOR: StepActorV1 = { role: 'system', id: 'system:amo' };
