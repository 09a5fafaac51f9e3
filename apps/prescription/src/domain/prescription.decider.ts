import type { PrescriptionEventV1, SealedTextV1 } from '@app/contracts';
import { decideByType, type DecisionTable, type Decider } from '@app/event-sourcing/decider/decider';
import { acceptance } from './evaluation/acceptance';
import type { PrescriptionCommand } from './prescription.commands';
import type { PrescriptionEvent } from './prescription.events';
import { PrescriptionErrors } from './prescription.errors';
import { evolvePrescription, initialPrescriptionState, type PrescriptionState } from './prescription.state';

type Existing = Extract<PrescriptionState, { issued: unknown }>;
function issuedOnly(state: PrescriptionState, action: string): Existing {
  if (state.status === 'NONE') throw PrescriptionErrors.notFound('(unknown)');
  if (state.status !== 'ISSUED') throw PrescriptionErrors.wrongState(action, state.status);
  return state;
}

/** The accepted override's text as sealed by the handler: a justification the handler did not seal cannot be recorded. */
function sealedJustification(command: Extract<PrescriptionCommand, { type: 'IssuePrescription' }>, ruleId: string): SealedTextV1 {
  const sealed = command.sealedJustifications[ruleId];
  if (!sealed) throw new Error(`the justification of ${ruleId} was not sealed`);
  return sealed;
}

const deciders: DecisionTable<PrescriptionCommand, PrescriptionState, PrescriptionEvent> = {
  IssuePrescription(command, state) {
    const { prescription, evaluation, device } = command;
    if (state.status !== 'NONE') throw PrescriptionErrors.alreadyExists(prescription.prescriptionId);
    // The handler evaluated first; the decider still refuses anything the referential refuses.
    const verdict = acceptance(evaluation, command.requestedOverrides);
    if (!verdict.accepted || !device) throw PrescriptionErrors.rulesRefused(evaluation, prescription.prescriptionId, verdict.unjustified);
    const { deviceId: _deviceId, lppCode: _lppCode, ...deviceCertification } = device;
    return [
      {
        type: 'PrescriptionIssued',
        data: {
          ...prescription,
          referentialVersion: evaluation.referentialVersion,
          evaluation: evaluation.results,
          overrides: verdict.overrides.map(({ ruleId }) => ({ ruleId, justification: sealedJustification(command, ruleId) })),
          deviceCertification,
          issuedAt: command.now.toISOString(),
        },
      },
    ];
  },
  CancelPrescription(command, state) {
    const prescription = issuedOnly(state, 'cancel');
    if (command.actorRpps !== prescription.issued.prescriber.rpps) throw PrescriptionErrors.notPrescriber();
    return [
      {
        type: 'PrescriptionCancelled',
        data: { reason: command.reason, cancelledAt: command.now.toISOString(), cancelledBy: { rpps: command.actorRpps } },
      },
    ];
  },
  ExpirePrescription(command, state) {
    const prescription = issuedOnly(state, 'expire');
    // The end date is the last day covered: it expires the day after.
    if (prescription.issued.endDate >= command.today) throw PrescriptionErrors.notYetEnded(prescription.issued.endDate);
    return [{ type: 'PrescriptionExpired', data: { endDate: prescription.issued.endDate, expiredAt: command.now.toISOString() } }];
  },
};

/** The Prescription aggregate as a decider; what it decides is what prescription.events.v1 publishes. */
export const prescriptionDecider = {
  initialState: initialPrescriptionState,
  evolve: evolvePrescription,
  decide: (command: PrescriptionCommand, state: PrescriptionState): PrescriptionEvent[] => decideByType(deciders, command, state),
} satisfies Decider<PrescriptionState, PrescriptionCommand, PrescriptionEventV1>;
