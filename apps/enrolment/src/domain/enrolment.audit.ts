import type { Actor, SealedTextV1, SubjectRef } from '@app/contracts';
import type { AuditDraft } from '@app/event-sourcing/decider/audit-draft';
import { disclosable } from '@app/event-sourcing/decider/disclosable';
import { physicianReader } from '@app/event-sourcing/disclosures/disclosure-readers';
import { enrolmentRow, reasonAad } from './enrolment-fields';
import type { Enrolment, EnrolmentEvent, EnrolmentState } from './enrolment.state';

/** The action and decision an entry names, from the step's first event (what was decided; the others are its effects). */
function decisionOf(event: EnrolmentEvent): { action: string; decision: string } {
  switch (event.type) {
    case 'EnrolmentCreated':
      return { action: 'enrolment.created', decision: 'CREATED' };
    case 'EnrolmentExtended':
      return { action: 'enrolment.extended', decision: event.data.reopened ? 'REOPENED' : 'EXTENDED' };
    case 'ConsentRecorded':
      return { action: 'enrolment.consent_recorded', decision: `CONSENT_${event.data.decision}` };
    case 'ConsentWithdrawn':
      return { action: 'enrolment.consent_withdrawn', decision: 'CONSENT_WITHDRAWN' };
    case 'RightsCheckRequested':
      return { action: 'enrolment.rights_check_requested', decision: 'RIGHTS_CHECK_REQUESTED' };
    case 'RightsChecked':
      return { action: 'enrolment.rights_checked', decision: `RIGHTS_${event.data.status}` };
    case 'DeviceAssigned':
      return { action: 'enrolment.device_assigned', decision: event.data.replaced ? 'DEVICE_REPLACED' : 'DEVICE_ASSIGNED' };
    case 'EnrolmentActivated':
      return { action: 'enrolment.activated', decision: 'ACTIVATED' };
    case 'EnrolmentSuspended':
      return { action: 'enrolment.suspended', decision: 'SUSPENDED' };
    case 'EnrolmentResumed':
      return { action: 'enrolment.resumed', decision: 'RESUMED' };
    case 'EnrolmentEnded':
      return { action: 'enrolment.ended', decision: 'ENDED' };
    case 'ConnectivityIncidentOpened':
      return { action: 'enrolment.incident_opened', decision: 'INCIDENT_OPENED' };
    case 'ConnectivityIncidentUpdated':
      return { action: 'enrolment.incident_updated', decision: `INCIDENT_${event.data.change}` };
    case 'ConnectivityIncidentWithdrawn':
      return { action: 'enrolment.incident_withdrawn', decision: 'INCIDENT_WITHDRAWN' };
    case 'ObservanceLow':
      return { action: 'enrolment.observance_low', decision: 'OBSERVANCE_LOW' };
  }
}

/** A reason in an entry: its commitment; the text is disclosed in the dossier to auditors and the prescribers. */
function disclosedReason(enrolment: Enrolment, reason: SealedTextV1 | null, step: 'suspension' | 'end', at: string) {
  if (!reason) return null;
  return disclosable(reason, {
    aad: reasonAad(enrolment.enrolmentId, step, at),
    pseudonym: enrolment.patient.pseudonym,
    readers: enrolment.prescriberRpps.map(physicianReader),
  });
}

/** An event's data as an entry holds it: no identity ciphertext, every reason as its commitment, an incident under `incident`. */
function evidenceOf(enrolment: Enrolment, event: EnrolmentEvent): Record<string, unknown> {
  switch (event.type) {
    case 'EnrolmentCreated':
      return { prescription: event.data.prescription, patient: { pseudonym: event.data.patient.pseudonym }, createdAt: event.data.createdAt };
    case 'RightsChecked':
      // Its `status` is the rights', not the enrolment's: kept apart so it does not overwrite the entry's status.
      return { rights: { ...event.data } };
    case 'EnrolmentSuspended':
      return { ...event.data, reason: disclosedReason(enrolment, event.data.reason, 'suspension', event.data.suspendedAt) };
    case 'EnrolmentEnded':
      return { ...event.data, reason: disclosedReason(enrolment, event.data.reason, 'end', event.data.endedAt) };
    case 'ConnectivityIncidentOpened':
    case 'ConnectivityIncidentUpdated': {
      const { recordedAt: _recordedAt, updatedAt: _updatedAt, change, ...incident } = event.data as typeof event.data & { recordedAt?: string; updatedAt?: string; change?: string };
      return { incident, ...(change ? { change } : {}) };
    }
    default:
      return { ...event.data };
  }
}

/**
 * One step's audit entry. It names the enrolment, every prescription of its
 * chain, its device product and its patient's pseudonym, so the dossier of
 * the prescription shows consent, device, activation and incidents with their
 * parties, and a patient's entries can be found and exported. Never the
 * identity, never a free text in clear.
 */
export function enrolmentAuditDraft(events: EnrolmentEvent[], state: EnrolmentState, actor: Actor): AuditDraft | null {
  if (events.length === 0 || state.status === 'NONE') return null;
  const [first, ...effects] = events;
  const relatedSubjects: SubjectRef[] = [
    ...state.prescriptionIds.map((id) => `prescription:${id}` as const),
    `device:${state.prescription.device.id}`,
    `patient:${state.patient.pseudonym}`,
  ];
  return {
    actor,
    ...decisionOf(first),
    subject: enrolmentRow(state.enrolmentId),
    relatedSubjects,
    evidence: {
      status: state.status,
      operatorOrg: state.prescription.operatorOrg,
      ...evidenceOf(state, first),
      ...(effects.length > 0 ? { effects: effects.map((effect) => ({ type: effect.type, ...decisionOf(effect), data: evidenceOf(state, effect) })) } : {}),
    },
  };
}
