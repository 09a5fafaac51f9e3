import type { EnrolmentEventV1 } from '@app/contracts';
import { decideByType, type Decider } from '@app/event-sourcing/decider/decider';
import { consentDecisions } from './decisions/consent.decisions';
import { creationDecisions } from './decisions/creation.decisions';
import type { Decisions } from './decisions/decision.types';
import { incidentDecisions } from './decisions/incident.decisions';
import { lifecycleDecisions } from './decisions/lifecycle.decisions';
import { rightsAndDeviceDecisions } from './decisions/rights-and-device.decisions';
import type { EnrolmentCommand, EnrolmentCommandType } from './enrolment.commands';
import { evolveEnrolment, initialEnrolmentState, type EnrolmentEvent, type EnrolmentState } from './enrolment.state';

/** Every command's decision, exhaustively: a command without one does not compile. */
const decisions: Decisions<EnrolmentCommandType> = {
  ...creationDecisions,
  ...consentDecisions,
  ...rightsAndDeviceDecisions,
  ...lifecycleDecisions,
  ...incidentDecisions,
};

/** The Enrolment aggregate as a decider; what it decides is what enrolment.events.v1 publishes. */
export const enrolmentDecider = {
  initialState: initialEnrolmentState,
  evolve: evolveEnrolment,
  decide: (command: EnrolmentCommand, state: EnrolmentState): EnrolmentEvent[] => decideByType(decisions, command, state),
} satisfies Decider<EnrolmentState, EnrolmentCommand, EnrolmentEventV1>;
