import { foldEvents } from '@app/event-sourcing/decider/decider';
import { enrolmentDecider } from './enrolment.decider';
import {
  ACTIVATED_AT,
  CONSENT_ID,
  CREATED_AT,
  ENROLMENT_ID,
  INCIDENT_ID,
  PRESCRIBER_RPPS,
  PRESCRIPTION_ID,
  RENEWAL_ID,
  RENEWING_PRESCRIBER_RPPS,
  RIGHTS_CHECKED_AT,
  SECOND_CONSENT_ID,
  SERIAL,
  UDI_DI,
  activated,
  activeHistory,
  consentGiven,
  consentRefused,
  consentWithdrawn,
  created,
  deviceAssigned,
  ended,
  expiredHistory,
  extended,
  incident,
  incidentOpened,
  incidentUpdated,
  incidentWithdrawn,
  observanceLow,
  prescription,
  renewal,
  resumed,
  rightsCheckRequested,
  rightsChecked,
  silenceIncidentOpened,
  suspended,
  withdrawnWhileActiveHistory,
} from './enrolment.fixtures';
import { consentInForceOf, type Enrolment, type EnrolmentEvent } from './enrolment.state';

const fold = (events: EnrolmentEvent[]) => foldEvents(enrolmentDecider, events);
const enrolment = (events: EnrolmentEvent[]): Enrolment => {
  const state = fold(events);
  if (state.status === 'NONE') throw new Error('no enrolment');
  return state;
};
/** The status after each event of the history. */
const statuses = (events: EnrolmentEvent[]) => events.map((_event, index) => fold(events.slice(0, index + 1)).status);

describe('evolveEnrolment', () => {
  it('starts with no enrolment, and ignores what comes before its creation', () => {
    expect(enrolmentDecider.initialState()).toEqual({ status: 'NONE' });
    expect(fold([consentGiven(), activated()])).toEqual({ status: 'NONE' });
  });

  it('creates it waiting for the consent, with its prescription, chain, patient and the first rights check pending', () =>
    expect(fold([created()])).toEqual({
      status: 'PENDING_CONSENT',
      enrolmentId: ENROLMENT_ID,
      prescription: prescription(),
      prescriptionIds: [PRESCRIPTION_ID],
      prescriberRpps: [PRESCRIBER_RPPS],
      prescriptionStatus: 'ISSUED',
      patient: created().data.patient,
      consents: [],
      consentInForce: null,
      rights: { status: 'PENDING', request: 1 },
      device: null,
      activatedAt: null,
      suspension: null,
      end: null,
      incidents: [],
      observanceLow: [],
      createdAt: CREATED_AT,
    }));

  it('goes PENDING_CONSENT -> PENDING_ACTIVATION -> ACTIVE <-> SUSPENDED -> ENDED', () =>
    expect(
      statuses([
        created(),
        consentGiven(),
        rightsChecked('OPEN'),
        deviceAssigned(),
        activated(),
        suspended('BY_OPERATOR'),
        resumed(),
        suspended('DEVICE_SUSPENDED'),
        resumed(),
        ended('BY_PRESCRIBER'),
      ]),
    ).toEqual([
      'PENDING_CONSENT',
      'PENDING_ACTIVATION',
      'PENDING_ACTIVATION',
      'PENDING_ACTIVATION',
      'ACTIVE',
      'SUSPENDED',
      'ACTIVE',
      'SUSPENDED',
      'ACTIVE',
      'ENDED',
    ]));

  describe('consent', () => {
    it('keeps a refusal without leaving PENDING_CONSENT', () => {
      const state = enrolment([created(), consentRefused()]);
      expect(state).toMatchObject({ status: 'PENDING_CONSENT', consentInForce: null });
      expect(state.consents).toEqual([consentRefused().data]);
    });

    it('puts a given consent in force, each consent its own record', () => {
      const state = enrolment([created(), consentRefused(), consentGiven({ consentId: SECOND_CONSENT_ID })]);
      expect(state).toMatchObject({ status: 'PENDING_ACTIVATION', consentInForce: SECOND_CONSENT_ID });
      expect(state.consents.map((consent) => [consent.consentId, consent.decision])).toEqual([
        [CONSENT_ID, 'REFUSED'],
        [SECOND_CONSENT_ID, 'GIVEN'],
      ]);
      expect(consentInForceOf(state)?.consentId).toBe(SECOND_CONSENT_ID);
    });

    it('brings PENDING_ACTIVATION back to PENDING_CONSENT on a withdrawal, the consent kept and marked', () => {
      const state = enrolment([created(), consentGiven(), consentWithdrawn()]);
      expect(state).toMatchObject({ status: 'PENDING_CONSENT', consentInForce: null });
      expect(state.consents).toEqual([{ ...consentGiven().data, withdrawnAt: consentWithdrawn().data.withdrawnAt }]);
      expect(consentInForceOf(state)).toBeUndefined();
    });

    it('leaves an ACTIVE enrolment SUSPENDED with cause CONSENT_WITHDRAWN after a withdrawal', () =>
      expect(enrolment(withdrawnWhileActiveHistory())).toMatchObject({
        status: 'SUSPENDED',
        consentInForce: null,
        suspension: { cause: 'CONSENT_WITHDRAWN', since: '2026-03-19T08:00:00.000Z' },
      }));

    it('keeps a suspended enrolment suspended when a new consent is given: resumption is a step of its own', () =>
      expect(enrolment([...withdrawnWhileActiveHistory(), consentGiven({ consentId: SECOND_CONSENT_ID })])).toMatchObject({
        status: 'SUSPENDED',
        consentInForce: SECOND_CONSENT_ID,
      }));
  });

  describe('rights and device', () => {
    it('records the answer, and a new request back to PENDING with the last check time kept', () => {
      expect(enrolment([created(), rightsChecked('OPEN')]).rights).toEqual({ status: 'OPEN', checkedAt: RIGHTS_CHECKED_AT, request: 1 });
      expect(enrolment([created(), rightsChecked('OPEN'), rightsCheckRequested(2)]).rights).toEqual({
        status: 'PENDING',
        checkedAt: RIGHTS_CHECKED_AT,
        request: 2,
      });
    });

    it('holds the device last assigned', () => {
      expect(enrolment([created(), deviceAssigned()]).device).toEqual({ serialNumber: SERIAL, udiDi: UDI_DI });
      const replaced = deviceAssigned({ serialNumber: 'CW2-000456', replaced: { serialNumber: SERIAL, udiDi: UDI_DI } });
      expect(enrolment([...activeHistory(), replaced]).device).toEqual({ serialNumber: 'CW2-000456', udiDi: UDI_DI });
    });
  });

  describe('activity', () => {
    it('records the activation instant and each suspension with its cause', () => {
      expect(enrolment(activeHistory())).toMatchObject({ status: 'ACTIVE', activatedAt: ACTIVATED_AT, suspension: null });
      expect(enrolment([...activeHistory(), suspended('DEVICE_REVOKED')]).suspension).toEqual({
        cause: 'DEVICE_REVOKED',
        since: '2026-03-19T08:00:00.000Z',
      });
      expect(enrolment([...activeHistory(), suspended(), resumed()]).suspension).toBeNull();
    });

    it.each([
      ['PRESCRIPTION_EXPIRED', 'EXPIRED'],
      ['PRESCRIPTION_CANCELLED', 'CANCELLED'],
      ['BY_OPERATOR', 'ISSUED'],
      ['BY_PRESCRIBER', 'ISSUED'],
    ] as const)('ends (%s) with the prescription %s', (cause, prescriptionStatus) => {
      const state = enrolment([...activeHistory(), suspended(), ended(cause)]);
      expect(state).toMatchObject({ status: 'ENDED', suspension: null, end: { cause, endedAt: ended(cause).data.endedAt }, prescriptionStatus });
    });
  });

  describe('renewal', () => {
    it('continues under the renewal: the prescription in force, the whole chain, every prescriber; status unchanged', () =>
      expect(enrolment([...activeHistory(), extended()])).toMatchObject({
        status: 'ACTIVE',
        prescription: renewal(),
        prescriptionIds: [PRESCRIPTION_ID, RENEWAL_ID],
        prescriberRpps: [PRESCRIBER_RPPS, RENEWING_PRESCRIBER_RPPS],
        prescriptionStatus: 'ISSUED',
        activatedAt: ACTIVATED_AT,
      }));

    it('names a prescriber once when they renew their own prescription', () =>
      expect(enrolment([...activeHistory(), extended({ prescription: renewal({ prescriberRpps: PRESCRIBER_RPPS }) })]).prescriberRpps).toEqual([
        PRESCRIBER_RPPS,
      ]));

    it('reopens an enrolment ended with its expired prescription into PENDING_ACTIVATION, consent and device kept', () =>
      expect(enrolment([...expiredHistory(), extended({ reopened: true })])).toMatchObject({
        status: 'PENDING_ACTIVATION',
        consentInForce: CONSENT_ID,
        device: { serialNumber: SERIAL, udiDi: UDI_DI },
        prescriptionStatus: 'ISSUED',
        activatedAt: null,
        end: null,
        prescriptionIds: [PRESCRIPTION_ID, RENEWAL_ID],
      }));

    it('reopens it into PENDING_CONSENT when no consent is in force, and without the device when it was released', () =>
      expect(enrolment([...withdrawnWhileActiveHistory(), ended('PRESCRIPTION_EXPIRED'), extended({ reopened: true, deviceReleased: true })])).toMatchObject({
        status: 'PENDING_CONSENT',
        consentInForce: null,
        device: null,
        end: null,
      }));
  });

  describe('incidents and observance', () => {
    it('adds an incident, updates it in its place, and removes a withdrawn one', () => {
      const second = '01950000-0000-7000-8000-0000000000f2';
      const history = [...activeHistory(), incidentOpened(), silenceIncidentOpened({ incidentId: second })];
      expect(enrolment(history).incidents).toEqual([incident(), incident({ incidentId: second, openedBy: 'system', startedAt: '2026-03-19T10:00:00.000Z' })]);
      const closed = incidentUpdated({ endedAt: '2026-03-19T06:00:00.000Z', cause: 'DEVICE_FAULT', responsibleParty: 'vendor', change: 'REQUALIFIED' });
      expect(enrolment([...history, closed]).incidents.map((known) => [known.incidentId, known.cause, known.endedAt])).toEqual([
        [INCIDENT_ID, 'DEVICE_FAULT', '2026-03-19T06:00:00.000Z'],
        [second, 'UNKNOWN', null],
      ]);
      expect(enrolment([...history, incidentWithdrawn()]).incidents.map((known) => known.incidentId)).toEqual([second]);
    });

    it('keeps an incident without the step times of its events', () =>
      expect(enrolment([...activeHistory(), incidentOpened()]).incidents[0]).not.toHaveProperty('recordedAt'));

    it('remembers the months whose low observance was told', () =>
      expect(enrolment([...activeHistory(), observanceLow(), observanceLow({ month: 2 })]).observanceLow).toEqual([1, 2]));
  });
});
