import type { StepActorV1 } from '@app/contracts';
import type { Principal } from './principal';

/**
 * Who took a step, as the events of every context record them: the user's
 * `sub` and role, and the claim that names whom they act for, which the
 * principal holds only for the roles it means something for (a physician's
 * RPPS; an operator's, vendor's or evaluator's org). Never a patient's
 * pseudonym: the stream names its patient already.
 */
export const stepActorOf = ({ role, sub, rpps, org }: Principal): StepActorV1 => ({ role, id: sub, ...(rpps ? { rpps } : {}), ...(org ? { org } : {}) });
