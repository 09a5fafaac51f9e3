import { partyOf } from '@app/audit';
import type { AuditEntry, StepActorV1 } from '@app/contracts';
import { foldEvents } from '@app/event-sourcing/decider/decider';
import { isDisclosable } from '@app/event-sourcing/decider/disclosable';
import type { AuditDraft } from '@app/event-sourcing/decider/audit-draft';
import { enrolmentAuditDraft } from './enrolment.audit';
import type { EnrolmentCommand } from './enrolment.commands';
import { enrolmentDecider } from './enrolment.decider';
import {
  DEVICE_ID,
  ENROLMENT_ID,
  IDENTITY_ENCRYPTED,
  INCIDENT_ID,
  NOW,
  OPERATOR,
  OPERATOR_ORG,
  OTHER_SERIAL,
  PATIENT,
  PATIENT_PSEUDONYM,
  PRESCRIBER,
  PRESCRIBER_RPPS,
  PRESCRIPTION_ID,
  RENEWAL_ID,
  RENEWING_PRESCRIBER_RPPS,
  SYSTEM,
  activateEnrolment,
  activeHistory,
  assignDevice,
  auditActorOf,
  createEnrolment,
  created,
  endEnrolment,
  expiredHistory,
  extendEnrolment,
  extended,
  incidentOpened,
  openSilenceIncident,
  pendingConsentHistory,
  prescription,
  readyToActivateHistory,
  recordConsent,
  recordIncident,
  recordRights,
  sealed,
  suspendEnrolment,
  suspendForDevice,
  updateIncident,
  withdrawConsent,
} from './enrolment.fixtures';
import type { EnrolmentEvent } from './enrolment.state';

const fold = (events: EnrolmentEvent[]) => foldEvents(enrolmentDecider, events);

/** The draft of one step, as the command runner builds it: from the events decided and the state after them. */
function draftOf(history: EnrolmentEvent[], command: EnrolmentCommand, actor: StepActorV1 = OPERATOR): AuditDraft {
  const events = enrolmentDecider.decide(command, fold(history));
  const draft = enrolmentAuditDraft(events, fold([...history, ...events]), auditActorOf(actor));
  if (!draft) throw new Error('no draft');
  return draft;
}

/** Every key and string value of a draft, at any depth (a disclosable text's fields included). */
function leaves(value: unknown, found: string[] = []): string[] {
  if (typeof value === 'string') found.push(value);
  else if (Array.isArray(value)) value.forEach((item) => leaves(item, found));
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      found.push(key);
      leaves(inner, found);
    }
  }
  return found;
}

const asEntry = (draft: AuditDraft) => draft as unknown as AuditEntry;
const RELATED = [`prescription:${PRESCRIPTION_ID}`, `device:${DEVICE_ID}`, `patient:${PATIENT_PSEUDONYM}`];

describe('enrolment audit entries', () => {
  it('names the enrolment, its prescription, device product and patient; never the identity', () => {
    const draft = draftOf([], createEnrolment(), SYSTEM);
    expect(draft).toMatchObject({
      actor: { id: SYSTEM.id, role: 'system' },
      action: 'enrolment.created',
      decision: 'CREATED',
      subject: `enrolment:${ENROLMENT_ID}`,
      relatedSubjects: RELATED,
      evidence: { status: 'PENDING_CONSENT', operatorOrg: OPERATOR_ORG, prescription: prescription(), patient: { pseudonym: PATIENT_PSEUDONYM } },
    });
    expect(leaves(draft)).not.toContain('identityEncrypted');
    expect(leaves(draft)).not.toContain(IDENTITY_ENCRYPTED);
    expect(JSON.stringify(draft)).not.toContain(IDENTITY_ENCRYPTED);
  });

  it('names every prescription of the chain once renewed, and says whether the renewal reopened it', () => {
    const extendedDraft = draftOf(activeHistory(), extendEnrolment(), SYSTEM);
    expect(extendedDraft).toMatchObject({
      action: 'enrolment.extended',
      decision: 'EXTENDED',
      relatedSubjects: [`prescription:${PRESCRIPTION_ID}`, `prescription:${RENEWAL_ID}`, `device:${DEVICE_ID}`, `patient:${PATIENT_PSEUDONYM}`],
    });
    expect(draftOf(expiredHistory(), extendEnrolment(), SYSTEM)).toMatchObject({ decision: 'REOPENED', evidence: { status: 'PENDING_ACTIVATION' } });
    const later = draftOf([...activeHistory(), extended()], suspendEnrolment());
    expect(later.relatedSubjects).toEqual(extendedDraft.relatedSubjects);
  });

  it.each([
    ['the patient', PATIENT, 'ELECTRONIC'],
    ['the operator copying a paper form', OPERATOR, 'PAPER'],
  ] as const)('records a consent recorded by %s with who recorded it, as the patient\'s step', (_who, actor, method) => {
    const draft = draftOf(pendingConsentHistory(), recordConsent({ by: actor, method }), actor);
    expect(draft).toMatchObject({
      action: 'enrolment.consent_recorded',
      decision: 'CONSENT_GIVEN',
      relatedSubjects: RELATED,
      evidence: { status: 'PENDING_ACTIVATION', decision: 'GIVEN', method, recordedBy: actor },
    });
    expect(partyOf(asEntry(draft), { homeCoverageOverridden: false })).toBe('patient');
  });

  it('records a refusal of consent', () =>
    expect(draftOf(pendingConsentHistory(), recordConsent({ decision: 'REFUSED' }), PATIENT)).toMatchObject({
      decision: 'CONSENT_REFUSED',
      evidence: { status: 'PENDING_CONSENT' },
    }));

  it('records a withdrawal with who recorded it, and the suspension it caused among its effects', () => {
    const draft = draftOf(activeHistory(), withdrawConsent(PRESCRIBER), PRESCRIBER);
    expect(draft).toMatchObject({
      action: 'enrolment.consent_withdrawn',
      decision: 'CONSENT_WITHDRAWN',
      relatedSubjects: RELATED,
      evidence: {
        status: 'SUSPENDED',
        withdrawnBy: PRESCRIBER,
        effects: [
          {
            type: 'EnrolmentSuspended',
            action: 'enrolment.suspended',
            decision: 'SUSPENDED',
            data: { cause: 'CONSENT_WITHDRAWN', reason: null, suspendedBy: PRESCRIBER },
          },
        ],
      },
    });
  });

  it('lists no effects for a single-event step', () =>
    expect(draftOf(readyToActivateHistory(), activateEnrolment()).evidence).not.toHaveProperty('effects'));

  it('records the device assignment and its replacement as the operator\'s steps, with the device among the subjects', () => {
    const assigned = draftOf([...pendingConsentHistory()], assignDevice());
    expect(assigned).toMatchObject({ action: 'enrolment.device_assigned', decision: 'DEVICE_ASSIGNED', relatedSubjects: RELATED });
    const replaced = draftOf(activeHistory(), assignDevice({ serialNumber: OTHER_SERIAL }));
    expect(replaced).toMatchObject({ decision: 'DEVICE_REPLACED', evidence: { serialNumber: OTHER_SERIAL, replaced: { serialNumber: 'CW2-000123' } } });
    expect(partyOf(asEntry(replaced), { homeCoverageOverridden: false })).toBe('operator');
  });

  it('records the activation with its consent, device and certification, as the operator\'s step', () => {
    const draft = draftOf(readyToActivateHistory(), activateEnrolment());
    expect(draft).toMatchObject({ action: 'enrolment.activated', decision: 'ACTIVATED', relatedSubjects: RELATED, evidence: { status: 'ACTIVE', device: { serialNumber: 'CW2-000123' } } });
    expect(partyOf(asEntry(draft), { homeCoverageOverridden: false })).toBe('operator');
  });

  it("records the rights answer apart from the enrolment's status", () =>
    expect(draftOf(pendingConsentHistory(), recordRights('CLOSED'), SYSTEM)).toMatchObject({
      action: 'enrolment.rights_checked',
      decision: 'RIGHTS_CLOSED',
      evidence: { status: 'PENDING_CONSENT', rights: { request: 1, status: 'CLOSED', attempts: 1 } },
    }));

  it('holds a suspension reason as a disclosable text the prescribers may read, bound to its row and step', () => {
    const draft = draftOf([...activeHistory(), extended()], suspendEnrolment(OPERATOR, { reason: sealed('patient in hospital') }));
    const reason = draft.evidence.reason;
    expect(isDisclosable(reason)).toBe(true);
    expect(reason).toMatchObject({
      commitment: sealed('patient in hospital').commitment,
      aad: `enrolment:${ENROLMENT_ID}#suspension.${NOW.toISOString()}.reason`,
      pseudonym: PATIENT_PSEUDONYM,
      readers: [`physician:${PRESCRIBER_RPPS}`, `physician:${RENEWING_PRESCRIBER_RPPS}`],
    });
    expect(draft).toMatchObject({ decision: 'SUSPENDED', evidence: { cause: 'BY_OPERATOR', suspendedBy: OPERATOR } });
    const serialised = JSON.stringify(draft);
    expect(serialised).not.toContain(sealed('patient in hospital').ciphertext);
    expect(serialised).toContain(sealed('patient in hospital').commitment);
  });

  it('holds an end reason as a disclosable text, as the prescriber\'s step when they ended it', () => {
    const draft = draftOf(activeHistory(), endEnrolment(PRESCRIBER), PRESCRIBER);
    expect(isDisclosable(draft.evidence.reason)).toBe(true);
    expect(draft.evidence.reason).toMatchObject({ aad: `enrolment:${ENROLMENT_ID}#end.${NOW.toISOString()}.reason` });
    expect(draft).toMatchObject({ action: 'enrolment.ended', evidence: { status: 'ENDED', cause: 'BY_PRESCRIBER' } });
    expect(JSON.stringify(draft)).not.toContain(sealed('monitoring no longer useful').ciphertext);
    expect(partyOf(asEntry(draft), { homeCoverageOverridden: false })).toBe('physician');
  });

  it('records a reaction with the event that caused it, and no reason', () => {
    const command = suspendForDevice('DEVICE_SUSPENDED');
    const draft = draftOf(activeHistory(), command, SYSTEM);
    expect(draft).toMatchObject({ decision: 'SUSPENDED', relatedSubjects: RELATED, evidence: { cause: 'DEVICE_SUSPENDED', reason: null, causedBy: command.causedBy } });
  });

  it('holds an incident under evidence.incident with its cause and responsible party', () => {
    const overridden = [created({ prescription: prescription({ homeCoverageOverridden: true }) }), ...activeHistory().slice(1)];
    const draft = draftOf(overridden, recordIncident({ cause: 'NETWORK_COVERAGE' }));
    expect(draft).toMatchObject({
      action: 'enrolment.incident_opened',
      decision: 'INCIDENT_OPENED',
      relatedSubjects: RELATED,
      evidence: { incident: { incidentId: INCIDENT_ID, cause: 'NETWORK_COVERAGE', responsibleParty: 'physician', openedBy: 'operator' } },
    });
    expect(draft.evidence).not.toHaveProperty('change');
    expect(partyOf(asEntry(draft), { homeCoverageOverridden: true })).toBe('physician');
  });

  it('records a re-qualification with the change and the party that follows the new cause', () => {
    const draft = draftOf([...activeHistory(), incidentOpened()], updateIncident({ cause: 'DEVICE_FAULT' }));
    expect(draft).toMatchObject({
      action: 'enrolment.incident_updated',
      decision: 'INCIDENT_REQUALIFIED',
      evidence: { incident: { cause: 'DEVICE_FAULT', responsibleParty: 'vendor' }, change: 'REQUALIFIED' },
    });
    expect(partyOf(asEntry(draft), { homeCoverageOverridden: false })).toBe('vendor');
  });

  it("records the platform's silence incident as the operator's until its cause is named", () => {
    const draft = draftOf(activeHistory(), openSilenceIncident(), SYSTEM);
    expect(draft).toMatchObject({ evidence: { incident: { cause: 'UNKNOWN', responsibleParty: 'operator', openedBy: 'system' } } });
    expect(partyOf(asEntry(draft), { homeCoverageOverridden: false })).toBe('operator');
  });

  it('writes no entry for a step that changed nothing', () => {
    expect(enrolmentAuditDraft([], fold(activeHistory()), auditActorOf(OPERATOR))).toBeNull();
    expect(enrolmentAuditDraft([created()], { status: 'NONE' }, auditActorOf(OPERATOR))).toBeNull();
  });
});
