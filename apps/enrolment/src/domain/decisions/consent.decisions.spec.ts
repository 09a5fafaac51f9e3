import { foldEvents } from '@app/event-sourcing/decider/decider';
import { deciderSpecification } from '@app/testing/decider-specification';
import { enrolmentDecider } from '../enrolment.decider';
import {
  CONSENT_ID,
  CONSENT_SIGNED_AT,
  NOW,
  OPERATOR,
  PATIENT,
  PRESCRIBER,
  SECOND_CONSENT_ID,
  activeHistory,
  at,
  byUser,
  consentRefused,
  consentWithdrawn,
  created,
  ended,
  expiredHistory,
  pendingActivationHistory,
  pendingConsentHistory,
  recordConsent,
  suspendedHistory,
  withdrawConsent,
  withdrawnWhileActiveHistory,
} from '../enrolment.fixtures';
import type { EnrolmentEvent } from '../enrolment.state';

// Given these past events, when this command, then these events or this refusal.
const given = deciderSpecification(enrolmentDecider);
const statusAfter = (events: EnrolmentEvent[]) => foldEvents(enrolmentDecider, events).status;

describe('consent', () => {
  describe('RecordConsent', () => {
    it('records the consent the patient gives, with its text version, method, time and signer', () =>
      given(pendingConsentHistory())
        .when(recordConsent())
        .then([
          {
            type: 'ConsentRecorded',
            data: {
              consentId: CONSENT_ID,
              decision: 'GIVEN',
              consentTextVersion: 'consent-2026.1',
              method: 'ELECTRONIC',
              signedAt: CONSENT_SIGNED_AT,
              signedBy: 'PATIENT',
              recordedBy: PATIENT,
              recordedAt: NOW.toISOString(),
            },
          },
        ]));

    it('records a consent the prescriber collected', () =>
      given(pendingConsentHistory())
        .when(recordConsent({ ...byUser(PRESCRIBER) }))
        .thenMatches([{ type: 'ConsentRecorded', data: { decision: 'GIVEN', recordedBy: PRESCRIBER } }]));

    it('records a paper form the operator copies', () =>
      given(pendingConsentHistory())
        .when(recordConsent({ ...byUser(OPERATOR), method: 'PAPER' }))
        .thenMatches([{ type: 'ConsentRecorded', data: { method: 'PAPER', recordedBy: OPERATOR } }]));

    it('refuses an electronic consent recorded by the operator: they copy paper forms only', () => {
      const refusal = given(pendingConsentHistory()).when(recordConsent({ ...byUser(OPERATOR), method: 'ELECTRONIC' }));
      refusal.thenThrows('ENROLMENT.OPERATOR_PAPER_ONLY', 'rule');
      expect(refusal.refusal().details).toEqual([expect.objectContaining({ field: 'method', code: 'OPERATOR_PAPER_ONLY' })]);
    });

    it('records a refusal, and the enrolment keeps waiting for a consent', () => {
      const events = given(pendingConsentHistory()).when(recordConsent({ decision: 'REFUSED' })).events();
      expect(events).toMatchObject([{ type: 'ConsentRecorded', data: { decision: 'REFUSED', consentId: CONSENT_ID } }]);
      expect(statusAfter([...pendingConsentHistory(), ...events])).toBe('PENDING_CONSENT');
    });

    it('records a consent given after an earlier refusal, as its own record', () =>
      given([...pendingConsentHistory(), consentRefused()])
        .when(recordConsent({ consentId: SECOND_CONSENT_ID }))
        .thenMatches([{ type: 'ConsentRecorded', data: { consentId: SECOND_CONSENT_ID, decision: 'GIVEN' } }]));

    it('records a second given consent (a new text version) as its own record', () =>
      given(activeHistory())
        .when(recordConsent({ consentId: SECOND_CONSENT_ID, consentTextVersion: 'consent-2026.2' }))
        .thenMatches([{ type: 'ConsentRecorded', data: { consentId: SECOND_CONSENT_ID, consentTextVersion: 'consent-2026.2' } }]));

    it('refuses a refusal while a consent is in force: the consent is withdrawn instead', () =>
      given(pendingActivationHistory())
        .when(recordConsent({ consentId: SECOND_CONSENT_ID, decision: 'REFUSED' }))
        .thenThrows('ENROLMENT.CONSENT_ALREADY_GIVEN', 'conflict'));

    it('records a refusal once the consent was withdrawn', () =>
      given(withdrawnWhileActiveHistory())
        .when(recordConsent({ consentId: SECOND_CONSENT_ID, decision: 'REFUSED' }))
        .thenMatches([{ type: 'ConsentRecorded', data: { decision: 'REFUSED' } }]));

    it('requires a legal representative for a patient under 18 on the signing day', () => {
      const refusal = given(pendingConsentHistory()).when(recordConsent({ patientAgeOnSigning: 17, signedBy: 'PATIENT' }));
      refusal.thenThrows('ENROLMENT.REPRESENTATIVE_REQUIRED', 'rule');
      expect(refusal.refusal().details).toEqual([expect.objectContaining({ field: 'signedBy', code: 'REPRESENTATIVE_REQUIRED' })]);
    });

    it('requires the legal representative for a minor refusing too', () =>
      given(pendingConsentHistory())
        .when(recordConsent({ patientAgeOnSigning: 12, decision: 'REFUSED' }))
        .thenThrows('ENROLMENT.REPRESENTATIVE_REQUIRED', 'rule'));

    it("records a minor's consent signed by their legal representative, with the representative's role", () =>
      given(pendingConsentHistory())
        .when(recordConsent({ patientAgeOnSigning: 15, signedBy: 'LEGAL_REPRESENTATIVE', representative: { role: 'PARENT' } }))
        .thenMatches([{ type: 'ConsentRecorded', data: { signedBy: 'LEGAL_REPRESENTATIVE', representative: { role: 'PARENT' } } }]));

    it('lets a patient of 18 on the signing day sign themselves', () =>
      given(pendingConsentHistory())
        .when(recordConsent({ patientAgeOnSigning: 18 }))
        .thenMatches([{ type: 'ConsentRecorded', data: { signedBy: 'PATIENT' } }]));

    it("records an adult's consent signed by a guardian", () =>
      given(pendingConsentHistory())
        .when(recordConsent({ signedBy: 'LEGAL_REPRESENTATIVE', representative: { role: 'GUARDIAN' } }))
        .thenMatches([{ type: 'ConsentRecorded', data: { signedBy: 'LEGAL_REPRESENTATIVE', representative: { role: 'GUARDIAN' } } }]));

    it('refuses LEGAL_REPRESENTATIVE without the representative, as a bad field', () => {
      const refusal = given(pendingConsentHistory()).when(recordConsent({ patientAgeOnSigning: 15, signedBy: 'LEGAL_REPRESENTATIVE' }));
      refusal.thenThrows('REQUEST.VALIDATION_FAILED', 'invalid');
      expect(refusal.refusal().details).toEqual([expect.objectContaining({ field: 'representative', code: 'REQUIRED' })]);
    });

    it('refuses a signedAt in the future, as a bad field', () => {
      const refusal = given(pendingConsentHistory()).when(recordConsent({ signedAt: at('2026-03-20T09:00:00.001Z') }));
      refusal.thenThrows('REQUEST.VALIDATION_FAILED', 'invalid');
      expect(refusal.refusal().details).toEqual([expect.objectContaining({ field: 'signedAt', code: 'IN_FUTURE' })]);
    });

    it('accepts a consent signed at this very instant', () =>
      given(pendingConsentHistory())
        .when(recordConsent({ signedAt: NOW }))
        .thenMatches([{ type: 'ConsentRecorded', data: { signedAt: NOW.toISOString() } }]));

    it("refuses a consent once the patient's personal data was erased: their age cannot be checked", () =>
      given(pendingConsentHistory()).when(recordConsent({ patientAgeOnSigning: null })).thenThrows('ENROLMENT.PATIENT_ERASED', 'conflict'));

    it('refuses a consent on an ENDED enrolment', () =>
      given(expiredHistory()).when(recordConsent({ consentId: SECOND_CONSENT_ID })).thenThrows('ENROLMENT.ENDED', 'conflict'));

    it('refuses a consent on an enrolment that does not exist', () =>
      given([]).when(recordConsent()).thenThrows('ENROLMENT.NOT_FOUND', 'not_found'));
  });

  describe('WithdrawConsent', () => {
    it('suspends an ACTIVE enrolment at once, cause CONSENT_WITHDRAWN, naming who recorded the withdrawal', () =>
      given(activeHistory())
        .when(withdrawConsent(PATIENT))
        .then([
          { type: 'ConsentWithdrawn', data: { consentId: CONSENT_ID, withdrawnAt: NOW.toISOString(), withdrawnBy: PATIENT } },
          {
            type: 'EnrolmentSuspended',
            data: { cause: 'CONSENT_WITHDRAWN', reason: null, suspendedAt: NOW.toISOString(), suspendedBy: PATIENT, causedBy: null },
          },
        ]));

    it.each([
      ['the prescriber', PRESCRIBER],
      ['the operator', OPERATOR],
    ])('records the withdrawal %s collected', (_who, actor) =>
      given(activeHistory())
        .when(withdrawConsent(actor))
        .thenMatches([
          { type: 'ConsentWithdrawn', data: { withdrawnBy: actor } },
          { type: 'EnrolmentSuspended', data: { cause: 'CONSENT_WITHDRAWN', suspendedBy: actor } },
        ]));

    it('brings a PENDING_ACTIVATION enrolment back to PENDING_CONSENT, with no suspension', () => {
      const events = given(pendingActivationHistory()).when(withdrawConsent()).events();
      expect(events).toEqual([consentWithdrawn({ withdrawnAt: NOW.toISOString() })]);
      expect(statusAfter([...pendingActivationHistory(), ...events])).toBe('PENDING_CONSENT');
    });

    it('marks the consent of an already SUSPENDED enrolment withdrawn, without suspending it again', () =>
      given(suspendedHistory('BY_OPERATOR'))
        .when(withdrawConsent())
        .then([consentWithdrawn({ withdrawnAt: NOW.toISOString() })]));

    it('refuses a withdrawal when no consent was given', () =>
      given(pendingConsentHistory()).when(withdrawConsent()).thenThrows('ENROLMENT.NO_CONSENT', 'conflict'));

    it('refuses a withdrawal when only a refusal was recorded', () =>
      given([created(), consentRefused()]).when(withdrawConsent()).thenThrows('ENROLMENT.NO_CONSENT', 'conflict'));

    it('refuses a second withdrawal', () =>
      given(withdrawnWhileActiveHistory()).when(withdrawConsent()).thenThrows('ENROLMENT.NO_CONSENT', 'conflict'));

    it('refuses a withdrawal on an ENDED enrolment', () =>
      given([...activeHistory(), ended('BY_OPERATOR')]).when(withdrawConsent()).thenThrows('ENROLMENT.ENDED', 'conflict'));
  });
});
