import type { ClaimEventV1 } from '@app/contracts';
import { decideByType, type Decider } from '@app/event-sourcing/decider/decider';
import type { ClaimCommand, ClaimCommandType } from './claim.commands';
import { evolveClaim, initialClaimState, type ClaimEvent, type ClaimState } from './claim.state';
import { adjudicationDecisions } from './decisions/adjudication.decisions';
import { correctionDecisions } from './decisions/correction.decisions';
import { creationDecisions } from './decisions/creation.decisions';
import type { Decisions } from './decisions/decision.types';
import { paymentDecisions } from './decisions/payment.decisions';
import { submissionDecisions } from './decisions/submission.decisions';

/** Every command's decision, exhaustively: a command without one does not compile. */
const decisions: Decisions<ClaimCommandType> = {
  ...creationDecisions,
  ...submissionDecisions,
  ...adjudicationDecisions,
  ...paymentDecisions,
  ...correctionDecisions,
};

/** The Claim aggregate as a decider; what it decides is what claims.events.v1 publishes. */
export const claimDecider = {
  initialState: initialClaimState,
  evolve: evolveClaim,
  decide: (command: ClaimCommand, state: ClaimState): ClaimEvent[] => decideByType(decisions, command, state),
} satisfies Decider<ClaimState, ClaimCommand, ClaimEventV1>;
