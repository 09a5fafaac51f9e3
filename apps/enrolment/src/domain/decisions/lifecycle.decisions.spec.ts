import type { StepActorV1, SuspensionCauseV1 } from '@app/contracts';
import { deciderSpecification } from '@app/testing/decider-specification';
import { enrolmentDecider } from '../enrolment.decider';
import {
  ACTIVATED_AT,
  CONSENT_ID,
  NOW,
  OPERATOR,
  PRESCRIBER,
  PRESCRIPTION_ID,
  RENEWAL_ID,
  SECOND_CONSENT_ID,
  SERIAL,
  SYSTEM,
  UDI_DI,
  activateEnrolment,
  activeHistory,
  at,
  causingEvent,
  certificationInForce,
  consentGiven,
  consentRefused,
  consentWithdrawn,
  created,
  deviceAssigned,
  endEnrolment,
  endWithPrescription,
  ended,
  expiredHistory,
  extended,
  pendingActivationHistory,
  pendingConsentHistory,
  prescription,
  readyToActivateHistory,
  resumeAfterReinstatement,
  resumeEnrolment,
  rightsCheckRequested,
  rightsChecked,
  sealed,
  suspendEnrolment,
  suspendForDevice,
  suspendedHistory,
  withdrawnWhileActiveHistory,
} from '../enrolment.fixtures';
import type { EnrolmentEvent } from '../enrolment.state';

// Given these past events, when this command, then these events or this refusal.
const given = deciderSpecification(enrolmentDecider);

/** The codes of the unmet requirements a 422 names. */
const unmetCodes = (history: EnrolmentEvent[], command: Parameters<typeof enrolmentDecider.decide>[0]) =>
  given(history)
    .when(command)
    .refusal()
    .details.map((detail) => detail.code);

describe('enrolment lifecycle', () => {
  describe('ActivateEnrolment', () => {
    it('activates with consent, open rights, the prescribed device and a certification in force, dated in the past', () =>
      given(readyToActivateHistory())
        .when(activateEnrolment())
        .then([
          {
            type: 'EnrolmentActivated',
            data: {
              activatedAt: ACTIVATED_AT,
              consentId: CONSENT_ID,
              device: { serialNumber: SERIAL, udiDi: UDI_DI },
              certification: { validUntil: certificationInForce().validUntil },
            },
          },
        ]));

    it('activates at this very instant', () =>
      given(readyToActivateHistory())
        .when(activateEnrolment({ activatedAt: NOW }))
        .thenMatches([{ type: 'EnrolmentActivated', data: { activatedAt: NOW.toISOString() } }]));

    it('refuses without a consent, 409 ENROLMENT.CONSENT_REQUIRED', () =>
      given([created(), rightsChecked('OPEN'), deviceAssigned()]).when(activateEnrolment()).thenThrows('ENROLMENT.CONSENT_REQUIRED', 'conflict'));

    it('refuses after a refusal of consent', () =>
      given([created(), consentRefused(), rightsChecked('OPEN'), deviceAssigned()])
        .when(activateEnrolment())
        .thenThrows('ENROLMENT.CONSENT_REQUIRED', 'conflict'));

    it('refuses once the consent was withdrawn before activation', () =>
      given([...readyToActivateHistory(), consentWithdrawn()]).when(activateEnrolment()).thenThrows('ENROLMENT.CONSENT_REQUIRED', 'conflict'));

    it('refuses with rights CLOSED, naming RIGHTS_CLOSED', () => {
      const refusal = given([created(), consentGiven(), rightsChecked('CLOSED'), deviceAssigned()]).when(activateEnrolment());
      refusal.thenThrows('ENROLMENT.ACTIVATION_REFUSED', 'rule');
      expect(refusal.refusal().details).toEqual([expect.objectContaining({ field: 'rights', code: 'RIGHTS_CLOSED' })]);
    });

    it.each([
      ['PENDING (the first check still running)', [created(), consentGiven(), deviceAssigned()]],
      ['UNAVAILABLE (retries exhausted)', [created(), consentGiven(), rightsChecked('UNAVAILABLE'), deviceAssigned()]],
      ['PENDING again (asked anew after an answer)', [...readyToActivateHistory(), rightsCheckRequested(2)]],
    ])('refuses with rights %s, naming RIGHTS_NOT_OPEN', (_rights, history) => {
      const refusal = given(history).when(activateEnrolment());
      refusal.thenThrows('ENROLMENT.ACTIVATION_REFUSED', 'rule');
      expect(refusal.refusal().details).toEqual([expect.objectContaining({ field: 'rights', code: 'RIGHTS_NOT_OPEN' })]);
    });

    it('refuses without a device', () =>
      expect(unmetCodes([created(), consentGiven(), rightsChecked('OPEN')], activateEnrolment())).toEqual(['DEVICE_REQUIRED']));

    it.each([
      ['suspended', certificationInForce({ status: 'SUSPENDED' })],
      ['expired', certificationInForce({ status: 'EXPIRED', validUntil: '2026-03-01T00:00:00.000Z' })],
      ['revoked', certificationInForce({ status: 'REVOKED' })],
      ['unknown here', null],
      ['CERTIFIED but past its validity at the activation', certificationInForce({ validUntil: '2026-03-18T07:00:00.000Z' })],
    ])('refuses with a certification %s', (_certification, certification) =>
      expect(unmetCodes(readyToActivateHistory(), activateEnrolment({ certification }))).toEqual(['CERTIFICATION_NOT_IN_FORCE']));

    it('refuses once the prescription was cancelled: the cancellation ended the enrolment', () =>
      given([...readyToActivateHistory(), ended('PRESCRIPTION_CANCELLED')]).when(activateEnrolment()).thenThrows('ENROLMENT.ENDED', 'conflict'));

    it('refuses an activatedAt in the future, as a bad field', () => {
      const refusal = given(readyToActivateHistory()).when(activateEnrolment({ activatedAt: at('2026-03-20T09:00:00.001Z') }));
      refusal.thenThrows('REQUEST.VALIDATION_FAILED', 'invalid');
      expect(refusal.refusal().details).toEqual([expect.objectContaining({ field: 'activatedAt', code: 'IN_FUTURE' })]);
    });

    it("refuses an activatedAt before the consent's signedAt", () => {
      const refusal = given(readyToActivateHistory()).when(activateEnrolment({ activatedAt: at('2026-03-16T09:59:59.999Z') }));
      refusal.thenThrows('ENROLMENT.ACTIVATION_REFUSED', 'rule');
      expect(refusal.refusal().details).toEqual([expect.objectContaining({ field: 'activatedAt', code: 'BEFORE_CONSENT' })]);
    });

    it('refuses an activatedAt before the prescription starts (a Paris calendar day)', () => {
      const history = [created({ prescription: prescription({ startDate: '2026-03-19' }) }), consentGiven(), rightsChecked('OPEN'), deviceAssigned()];
      const refusal = given(history).when(activateEnrolment({ activatedAt: at('2026-03-18T22:59:59.999Z') }));
      refusal.thenThrows('ENROLMENT.ACTIVATION_REFUSED', 'rule');
      expect(refusal.refusal().details).toEqual([expect.objectContaining({ field: 'activatedAt', code: 'BEFORE_PRESCRIPTION_START' })]);
      // 23:00 UTC on the 18th is already the 19th in Paris.
      given(history)
        .when(activateEnrolment({ activatedAt: at('2026-03-18T23:00:00.000Z') }))
        .thenMatches([{ type: 'EnrolmentActivated' }]);
    });

    it('refuses an activation after the prescription ended, before the sweep ended the enrolment', () =>
      expect(
        unmetCodes(readyToActivateHistory(), activateEnrolment({ now: at('2026-09-15T10:00:00.000Z'), activatedAt: at('2026-09-15T09:00:00.000Z') })),
      ).toEqual(['AFTER_PRESCRIPTION_END']));

    it('names every unmet requirement at once', () =>
      expect(unmetCodes([created(), consentGiven(), rightsChecked('CLOSED')], activateEnrolment({ certification: null }))).toEqual([
        'RIGHTS_CLOSED',
        'DEVICE_REQUIRED',
        'CERTIFICATION_NOT_IN_FORCE',
      ]));

    it.each([
      ['ACTIVE', activeHistory()],
      ['SUSPENDED', suspendedHistory()],
    ])('refuses to activate a %s enrolment', (_status, history) =>
      given(history).when(activateEnrolment()).thenThrows('ENROLMENT.WRONG_STATUS', 'conflict'));

    it('refuses to activate an ENDED enrolment', () => given(expiredHistory()).when(activateEnrolment()).thenThrows('ENROLMENT.ENDED', 'conflict'));

    it('refuses an enrolment that does not exist', () => given([]).when(activateEnrolment()).thenThrows('ENROLMENT.NOT_FOUND', 'not_found'));

    it('activates again under the renewal that reopened it, with the consent and device kept', () =>
      given([...expiredHistory(), extended({ reopened: true })])
        .when(activateEnrolment({ now: at('2026-09-16T09:00:00.000Z'), activatedAt: at('2026-09-16T08:00:00.000Z') }))
        .thenMatches([{ type: 'EnrolmentActivated', data: { consentId: CONSENT_ID, device: { serialNumber: SERIAL } } }]));

    it('refuses to activate a reopened enrolment whose device was released, until one is assigned', () =>
      expect(
        unmetCodes(
          [...expiredHistory(), extended({ reopened: true, deviceReleased: true })],
          activateEnrolment({ now: at('2026-09-16T09:00:00.000Z'), activatedAt: at('2026-09-16T08:00:00.000Z') }),
        ),
      ).toEqual(['DEVICE_REQUIRED']));
  });

  describe('SuspendEnrolment', () => {
    it.each([
      ['the operator', OPERATOR, 'BY_OPERATOR'],
      ['the prescriber', PRESCRIBER, 'BY_PRESCRIBER'],
    ] as Array<[string, StepActorV1, SuspensionCauseV1]>)('suspends an ACTIVE enrolment by %s, with the reason', (_who, actor, cause) =>
      given(activeHistory())
        .when(suspendEnrolment(actor))
        .then([
          {
            type: 'EnrolmentSuspended',
            data: { cause, reason: sealed('patient in hospital'), suspendedAt: NOW.toISOString(), suspendedBy: actor, causedBy: null },
          },
        ]));

    it.each([
      ['PENDING_CONSENT', pendingConsentHistory()],
      ['PENDING_ACTIVATION', pendingActivationHistory()],
      ['SUSPENDED', suspendedHistory()],
    ])('refuses to suspend a %s enrolment', (_status, history) =>
      given(history).when(suspendEnrolment()).thenThrows('ENROLMENT.WRONG_STATUS', 'conflict'));

    it('refuses to suspend an ENDED enrolment', () => given(expiredHistory()).when(suspendEnrolment()).thenThrows('ENROLMENT.ENDED', 'conflict'));
  });

  describe('ResumeEnrolment', () => {
    it.each([
      ['the operator', OPERATOR],
      ['the prescriber', PRESCRIBER],
    ])('resumes a SUSPENDED enrolment by %s', (_who, actor) =>
      given(suspendedHistory())
        .when(resumeEnrolment(actor))
        .then([{ type: 'EnrolmentResumed', data: { resumedAt: NOW.toISOString(), resumedBy: actor, causedBy: null } }]));

    it('refuses after a withdrawal of consent, 409 ENROLMENT.CONSENT_REQUIRED', () =>
      given(withdrawnWhileActiveHistory()).when(resumeEnrolment()).thenThrows('ENROLMENT.CONSENT_REQUIRED', 'conflict'));

    it('refuses after a withdrawal followed by a refusal', () =>
      given([...withdrawnWhileActiveHistory(), consentRefused({ consentId: SECOND_CONSENT_ID })])
        .when(resumeEnrolment())
        .thenThrows('ENROLMENT.CONSENT_REQUIRED', 'conflict'));

    it('resumes once a new consent is given', () =>
      given([...withdrawnWhileActiveHistory(), consentGiven({ consentId: SECOND_CONSENT_ID, signedAt: '2026-03-19T12:00:00.000Z' })])
        .when(resumeEnrolment())
        .thenMatches([{ type: 'EnrolmentResumed' }]));

    it("refuses while the device's certification is not in force (a suspension for the device)", () => {
      const refusal = given(suspendedHistory('DEVICE_SUSPENDED')).when(resumeEnrolment(OPERATOR, { certification: certificationInForce({ status: 'SUSPENDED' }) }));
      refusal.thenThrows('ENROLMENT.RESUMPTION_REFUSED', 'rule');
      expect(refusal.refusal().details.map((detail) => detail.code)).toEqual(['CERTIFICATION_NOT_IN_FORCE']);
    });

    it('refuses when the rights were found closed meanwhile', () =>
      expect(unmetCodes([...suspendedHistory(), rightsCheckRequested(2), rightsChecked('CLOSED', 2)], resumeEnrolment())).toEqual(['RIGHTS_CLOSED']));

    it.each([
      ['ACTIVE', activeHistory()],
      ['PENDING_ACTIVATION', pendingActivationHistory()],
    ])('refuses to resume a %s enrolment', (_status, history) =>
      given(history).when(resumeEnrolment()).thenThrows('ENROLMENT.WRONG_STATUS', 'conflict'));

    it('refuses to resume an ENDED enrolment', () => given(expiredHistory()).when(resumeEnrolment()).thenThrows('ENROLMENT.ENDED', 'conflict'));
  });

  describe('EndEnrolment', () => {
    it.each([
      ['the operator', OPERATOR, 'BY_OPERATOR'],
      ['the prescriber', PRESCRIBER, 'BY_PRESCRIBER'],
    ] as const)('ends an ACTIVE enrolment by %s, with the reason', (_who, actor, cause) =>
      given(activeHistory())
        .when(endEnrolment(actor))
        .then([
          {
            type: 'EnrolmentEnded',
            data: { cause, reason: sealed('monitoring no longer useful'), endedAt: NOW.toISOString(), endedBy: actor, causedBy: null },
          },
        ]));

    it.each([
      ['PENDING_CONSENT', pendingConsentHistory()],
      ['PENDING_ACTIVATION', pendingActivationHistory()],
      ['SUSPENDED', suspendedHistory()],
    ])('ends a %s enrolment', (_status, history) =>
      given(history).when(endEnrolment()).thenMatches([{ type: 'EnrolmentEnded', data: { cause: 'BY_OPERATOR' } }]));

    it('refuses to end an ENDED enrolment', () => given(expiredHistory()).when(endEnrolment()).thenThrows('ENROLMENT.ENDED', 'conflict'));
  });

  describe('SuspendForDevice', () => {
    it.each(['DEVICE_SUSPENDED', 'DEVICE_REVOKED', 'CERTIFICATION_EXPIRED'] as const)(
      'suspends an ACTIVE enrolment for %s, by the platform, naming the event it reacted to',
      (cause) => {
        const command = suspendForDevice(cause);
        given(activeHistory())
          .when(command)
          .then([{ type: 'EnrolmentSuspended', data: { cause, reason: null, suspendedAt: NOW.toISOString(), suspendedBy: SYSTEM, causedBy: command.causedBy } }]);
      },
    );

    it.each([
      ['PENDING_CONSENT', pendingConsentHistory()],
      ['PENDING_ACTIVATION', readyToActivateHistory()],
      ['SUSPENDED by the operator', suspendedHistory('BY_OPERATOR')],
      ['SUSPENDED for the device already (a redelivery)', suspendedHistory('DEVICE_SUSPENDED')],
      ['ENDED', expiredHistory()],
    ])('touches only ACTIVE enrolments: nothing for a %s one', (_status, history) =>
      given(history).when(suspendForDevice('DEVICE_SUSPENDED')).thenNothing());
  });

  describe('ResumeAfterReinstatement', () => {
    it('lifts a DEVICE_SUSPENDED suspension when consent and certification are in force', () => {
      const command = resumeAfterReinstatement();
      given(suspendedHistory('DEVICE_SUSPENDED'))
        .when(command)
        .then([{ type: 'EnrolmentResumed', data: { resumedAt: NOW.toISOString(), resumedBy: SYSTEM, causedBy: command.causedBy } }]);
    });

    it.each(['BY_OPERATOR', 'BY_PRESCRIBER', 'CONSENT_WITHDRAWN', 'DEVICE_REVOKED', 'CERTIFICATION_EXPIRED'] as const)(
      'leaves a %s suspension as it is',
      (cause) => given(suspendedHistory(cause)).when(resumeAfterReinstatement()).thenNothing(),
    );

    it('leaves it suspended when the consent was withdrawn meanwhile', () =>
      given([...suspendedHistory('DEVICE_SUSPENDED'), consentWithdrawn()]).when(resumeAfterReinstatement()).thenNothing());

    it.each([
      ['unknown here', null],
      ['still suspended', certificationInForce({ status: 'SUSPENDED' })],
      ['expired', certificationInForce({ status: 'EXPIRED' })],
    ])('leaves it suspended when the certification is %s', (_certification, certification) =>
      given(suspendedHistory('DEVICE_SUSPENDED')).when(resumeAfterReinstatement({ certification })).thenNothing());

    it.each([
      ['ACTIVE (a redelivery)', [...suspendedHistory('DEVICE_SUSPENDED'), { type: 'EnrolmentResumed', data: { resumedAt: NOW.toISOString(), resumedBy: SYSTEM, causedBy: causingEvent('DeviceReinstated') } }]],
      ['PENDING_ACTIVATION', readyToActivateHistory()],
      ['ENDED', [...suspendedHistory('DEVICE_SUSPENDED'), ended('BY_OPERATOR')]],
    ] as Array<[string, EnrolmentEvent[]]>)('does nothing for a %s enrolment', (_status, history) =>
      given(history).when(resumeAfterReinstatement()).thenNothing());
  });

  describe('EndWithPrescription', () => {
    it('ends the enrolment of a cancelled prescription, by the platform, naming the event', () => {
      const command = endWithPrescription('PRESCRIPTION_CANCELLED');
      given(activeHistory())
        .when(command)
        .then([
          { type: 'EnrolmentEnded', data: { cause: 'PRESCRIPTION_CANCELLED', reason: null, endedAt: NOW.toISOString(), endedBy: SYSTEM, causedBy: command.causedBy } },
        ]);
    });

    it.each([
      ['PENDING_CONSENT', pendingConsentHistory()],
      ['PENDING_ACTIVATION', readyToActivateHistory()],
      ['SUSPENDED', suspendedHistory()],
    ])('ends a %s enrolment whose prescription is cancelled', (_status, history) =>
      given(history).when(endWithPrescription('PRESCRIPTION_CANCELLED')).thenMatches([{ type: 'EnrolmentEnded', data: { cause: 'PRESCRIPTION_CANCELLED' } }]));

    it('ends it the day after the prescription ends (the sweep: no causing event)', () =>
      given(activeHistory())
        .when(endWithPrescription('PRESCRIPTION_EXPIRED', { today: '2026-09-15', now: at('2026-09-14T22:01:00.000Z'), causedBy: null }))
        .then([
          {
            type: 'EnrolmentEnded',
            data: { cause: 'PRESCRIPTION_EXPIRED', reason: null, endedAt: '2026-09-14T22:01:00.000Z', endedBy: SYSTEM, causedBy: null },
          },
        ]));

    it.each(['2026-09-14', '2026-06-01'])('ignores a prescription not yet ended on %s', (today) =>
      given(activeHistory()).when(endWithPrescription('PRESCRIPTION_EXPIRED', { today })).thenNothing());

    it.each(['PRESCRIPTION_EXPIRED', 'PRESCRIPTION_CANCELLED'] as const)(
      'ignores the %s of another prescription of the chain: the renewal is in force',
      (cause) =>
        given([...activeHistory(), extended()])
          .when(endWithPrescription(cause, { prescriptionId: PRESCRIPTION_ID, today: '2026-09-15' }))
          .thenNothing(),
    );

    it('ends with the renewal in force once it expires', () =>
      given([...activeHistory(), extended()])
        .when(endWithPrescription('PRESCRIPTION_EXPIRED', { prescriptionId: RENEWAL_ID, today: '2027-03-15' }))
        .thenMatches([{ type: 'EnrolmentEnded', data: { cause: 'PRESCRIPTION_EXPIRED' } }]));

    it('ignores a prescription that is not this enrolment\'s', () =>
      given(activeHistory()).when(endWithPrescription('PRESCRIPTION_CANCELLED', { prescriptionId: '01950000-0000-7000-8000-0000000000a9' })).thenNothing());

    it('does nothing for an enrolment already ENDED (a redelivery, or ended by a user)', () => {
      given(expiredHistory()).when(endWithPrescription('PRESCRIPTION_EXPIRED', { today: '2026-09-16' })).thenNothing();
      given([...activeHistory(), ended('BY_OPERATOR')]).when(endWithPrescription('PRESCRIPTION_CANCELLED')).thenNothing();
    });
  });
});
