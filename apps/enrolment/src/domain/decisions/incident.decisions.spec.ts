import { deciderSpecification } from '@app/testing/decider-specification';
import { enrolmentDecider } from '../enrolment.decider';
import {
  INCIDENT_ID,
  NOW,
  PRESCRIBER_RPPS,
  RENEWING_PRESCRIBER_RPPS,
  activeHistory,
  at,
  created,
  expiredHistory,
  extended,
  incidentOpened,
  incidentUpdated,
  incidentWithdrawn,
  moveSilenceIncident,
  observanceLow,
  openSilenceIncident,
  prescription,
  readyToActivateHistory,
  recordIncident,
  recordObservanceLow,
  silenceIncidentOpened,
  suspendedHistory,
  updateIncident,
  withdrawSilenceIncident,
} from '../enrolment.fixtures';
import type { EnrolmentEvent } from '../enrolment.state';

// Given these past events, when this command, then these events or this refusal.
const given = deciderSpecification(enrolmentDecider);

/** An active enrolment whose prescriber overrode the HOME_COVERAGE warning. */
const overriddenHistory = (): EnrolmentEvent[] => [created({ prescription: prescription({ homeCoverageOverridden: true }) }), ...activeHistory().slice(1)];

describe('connectivity incidents and observance', () => {
  describe('RecordIncident', () => {
    it('records the operator\'s incident with its responsible party', () =>
      given(activeHistory())
        .when(recordIncident())
        .then([
          {
            type: 'ConnectivityIncidentOpened',
            data: {
              incidentId: INCIDENT_ID,
              startedAt: '2026-03-19T02:00:00.000Z',
              endedAt: null,
              cause: 'NETWORK_COVERAGE',
              responsibleParty: 'operator',
              openedBy: 'operator',
              recordedAt: NOW.toISOString(),
            },
          },
        ]));

    it('records a NETWORK_COVERAGE incident after a HOME_COVERAGE override as the physician\'s', () =>
      given(overriddenHistory())
        .when(recordIncident({ cause: 'NETWORK_COVERAGE' }))
        .thenMatches([{ type: 'ConnectivityIncidentOpened', data: { cause: 'NETWORK_COVERAGE', responsibleParty: 'physician' } }]));

    it.each([
      ['DEVICE_FAULT', 'vendor'],
      ['PATIENT', 'patient'],
      ['UNKNOWN', 'operator'],
    ] as const)('records a %s incident as the %s\'s', (cause, party) =>
      given(overriddenHistory())
        .when(recordIncident({ cause }))
        .thenMatches([{ type: 'ConnectivityIncidentOpened', data: { cause, responsibleParty: party } }]));

    it('records an incident already over, with its end', () =>
      given(activeHistory())
        .when(recordIncident({ endedAt: at('2026-03-19T06:00:00.000Z') }))
        .thenMatches([{ type: 'ConnectivityIncidentOpened', data: { endedAt: '2026-03-19T06:00:00.000Z' } }]));

    it('records an incident while the enrolment is suspended', () =>
      given(suspendedHistory()).when(recordIncident()).thenMatches([{ type: 'ConnectivityIncidentOpened' }]));

    it('refuses an incident on an enrolment never activated', () =>
      given(readyToActivateHistory()).when(recordIncident()).thenThrows('ENROLMENT.NOT_ACTIVATED', 'conflict'));

    it('refuses an incident on an enrolment reopened by a renewal and not yet activated again', () =>
      given([...expiredHistory(), extended({ reopened: true })]).when(recordIncident()).thenThrows('ENROLMENT.NOT_ACTIVATED', 'conflict'));

    it('refuses an incident that starts before the activation', () => {
      const refusal = given(activeHistory()).when(recordIncident({ startedAt: at('2026-03-18T07:59:59.999Z') }));
      refusal.thenThrows('ENROLMENT.INCIDENT_BEFORE_ACTIVATION', 'rule');
      expect(refusal.refusal().details).toEqual([expect.objectContaining({ field: 'startedAt', code: 'BEFORE_ACTIVATION' })]);
    });

    it('refuses an endedAt before the startedAt, as a bad field', () => {
      const refusal = given(activeHistory()).when(recordIncident({ endedAt: at('2026-03-19T01:59:59.999Z') }));
      refusal.thenThrows('REQUEST.VALIDATION_FAILED', 'invalid');
      expect(refusal.refusal().details).toEqual([expect.objectContaining({ field: 'endedAt', code: 'BEFORE_START' })]);
    });

    it.each([
      ['startedAt', { startedAt: at('2026-03-20T09:00:00.001Z') }],
      ['endedAt', { endedAt: at('2026-03-20T09:00:00.001Z') }],
    ])('refuses a %s in the future, as a bad field', (field, fields) => {
      const refusal = given(activeHistory()).when(recordIncident(fields));
      refusal.thenThrows('REQUEST.VALIDATION_FAILED', 'invalid');
      expect(refusal.refusal().details).toEqual([expect.objectContaining({ field, code: 'IN_FUTURE' })]);
    });

    it('refuses an incident on an ENDED enrolment', () => given(expiredHistory()).when(recordIncident()).thenThrows('ENROLMENT.ENDED', 'conflict'));
  });

  describe('UpdateIncident', () => {
    const opened = (cause: 'UNKNOWN' | 'NETWORK_COVERAGE' = 'UNKNOWN') => incidentOpened({ cause, responsibleParty: 'operator' });

    it('closes an incident with its end: CLOSED, cause and party unchanged', () =>
      given([...activeHistory(), opened()])
        .when(updateIncident({ endedAt: at('2026-03-19T06:00:00.000Z') }))
        .then([
          {
            type: 'ConnectivityIncidentUpdated',
            data: {
              incidentId: INCIDENT_ID,
              startedAt: '2026-03-19T02:00:00.000Z',
              endedAt: '2026-03-19T06:00:00.000Z',
              cause: 'UNKNOWN',
              responsibleParty: 'operator',
              openedBy: 'operator',
              change: 'CLOSED',
              updatedAt: NOW.toISOString(),
            },
          },
        ]));

    it.each([
      ['DEVICE_FAULT', 'vendor'],
      ['PATIENT', 'patient'],
      ['NETWORK_COVERAGE', 'operator'],
    ] as const)('re-qualifies an UNKNOWN incident as %s: REQUALIFIED, the %s answers for it', (cause, party) =>
      given([...activeHistory(), opened()])
        .when(updateIncident({ cause }))
        .thenMatches([{ type: 'ConnectivityIncidentUpdated', data: { cause, responsibleParty: party, endedAt: null, change: 'REQUALIFIED' } }]));

    it('re-qualifies as NETWORK_COVERAGE after a HOME_COVERAGE override: the physician answers for it', () =>
      given([...overriddenHistory(), opened()])
        .when(updateIncident({ cause: 'NETWORK_COVERAGE' }))
        .thenMatches([{ type: 'ConnectivityIncidentUpdated', data: { cause: 'NETWORK_COVERAGE', responsibleParty: 'physician', change: 'REQUALIFIED' } }]));

    it('closes and re-qualifies at once: REQUALIFIED with the end', () =>
      given([...activeHistory(), opened()])
        .when(updateIncident({ cause: 'DEVICE_FAULT', endedAt: at('2026-03-19T06:00:00.000Z') }))
        .thenMatches([
          { type: 'ConnectivityIncidentUpdated', data: { cause: 'DEVICE_FAULT', responsibleParty: 'vendor', endedAt: '2026-03-19T06:00:00.000Z', change: 'REQUALIFIED' } },
        ]));

    it('names the cause of an incident the platform found, which stays the platform\'s', () =>
      given([...activeHistory(), silenceIncidentOpened()])
        .when(updateIncident({ cause: 'PATIENT' }))
        .thenMatches([{ type: 'ConnectivityIncidentUpdated', data: { cause: 'PATIENT', responsibleParty: 'patient', openedBy: 'system', change: 'REQUALIFIED' } }]));

    it('changes nothing when the end and cause are those it has', () => {
      const closed = incidentUpdated({ endedAt: '2026-03-19T06:00:00.000Z', cause: 'DEVICE_FAULT', responsibleParty: 'vendor', change: 'REQUALIFIED' });
      given([...activeHistory(), opened(), closed])
        .when(updateIncident({ cause: 'DEVICE_FAULT', endedAt: at('2026-03-19T06:00:00.000Z') }))
        .thenNothing();
      given([...activeHistory(), opened()]).when(updateIncident({})).thenNothing();
    });

    it('closes an incident after the enrolment ended', () =>
      given([...activeHistory(), opened(), { type: 'EnrolmentEnded', data: { cause: 'BY_OPERATOR', reason: null, endedAt: NOW.toISOString(), endedBy: { role: 'operator', id: 'u' }, causedBy: null } }])
        .when(updateIncident({ endedAt: at('2026-03-19T06:00:00.000Z') }))
        .thenMatches([{ type: 'ConnectivityIncidentUpdated', data: { change: 'CLOSED' } }]));

    it('refuses an unknown incident, 404', () =>
      given(activeHistory()).when(updateIncident({ endedAt: at('2026-03-19T06:00:00.000Z') })).thenThrows('ENROLMENT.INCIDENT_NOT_FOUND', 'not_found'));

    it('refuses a withdrawn incident, 404', () =>
      given([...activeHistory(), silenceIncidentOpened(), incidentWithdrawn()])
        .when(updateIncident({ cause: 'PATIENT' }))
        .thenThrows('ENROLMENT.INCIDENT_NOT_FOUND', 'not_found'));

    it('refuses an endedAt before the incident started', () => {
      const refusal = given([...activeHistory(), opened()]).when(updateIncident({ endedAt: at('2026-03-19T01:00:00.000Z') }));
      refusal.thenThrows('REQUEST.VALIDATION_FAILED', 'invalid');
      expect(refusal.refusal().details).toEqual([expect.objectContaining({ field: 'endedAt', code: 'BEFORE_START' })]);
    });

    it('refuses an endedAt in the future', () => {
      const refusal = given([...activeHistory(), opened()]).when(updateIncident({ endedAt: at('2026-03-21T00:00:00.000Z') }));
      refusal.thenThrows('REQUEST.VALIDATION_FAILED', 'invalid');
      expect(refusal.refusal().details).toEqual([expect.objectContaining({ field: 'endedAt', code: 'IN_FUTURE' })]);
    });
  });

  describe('silence incidents', () => {
    it('opens the platform\'s incident: cause UNKNOWN, the operator\'s, openedBy system', () =>
      given(activeHistory())
        .when(openSilenceIncident())
        .then([
          {
            type: 'ConnectivityIncidentOpened',
            data: {
              incidentId: INCIDENT_ID,
              startedAt: '2026-03-19T10:00:00.000Z',
              endedAt: null,
              cause: 'UNKNOWN',
              responsibleParty: 'operator',
              openedBy: 'system',
              recordedAt: NOW.toISOString(),
            },
          },
        ]));

    it('opens a silence already over (found in a batch) with its end', () =>
      given(activeHistory())
        .when(openSilenceIncident({ endedAt: at('2026-03-19T20:00:00.000Z') }))
        .thenMatches([{ type: 'ConnectivityIncidentOpened', data: { endedAt: '2026-03-19T20:00:00.000Z', openedBy: 'system' } }]));

    it('opens it once: the same incident again is nothing', () =>
      given([...activeHistory(), silenceIncidentOpened()]).when(openSilenceIncident()).thenNothing());

    it('moves it when late transmissions shorten it', () =>
      given([...activeHistory(), silenceIncidentOpened()])
        .when(moveSilenceIncident({ startedAt: at('2026-03-19T14:00:00.000Z'), endedAt: at('2026-03-19T20:00:00.000Z') }))
        .then([
          {
            type: 'ConnectivityIncidentUpdated',
            data: {
              incidentId: INCIDENT_ID,
              startedAt: '2026-03-19T14:00:00.000Z',
              endedAt: '2026-03-19T20:00:00.000Z',
              cause: 'UNKNOWN',
              responsibleParty: 'operator',
              openedBy: 'system',
              change: 'LATE_TRANSMISSIONS',
              updatedAt: NOW.toISOString(),
            },
          },
        ]));

    it('closes the ongoing silence when the next transmission comes', () =>
      given([...activeHistory(), silenceIncidentOpened()])
        .when(moveSilenceIncident({ startedAt: at('2026-03-19T10:00:00.000Z'), endedAt: at('2026-03-20T08:00:00.000Z'), change: 'CLOSED' }))
        .thenMatches([{ type: 'ConnectivityIncidentUpdated', data: { endedAt: '2026-03-20T08:00:00.000Z', change: 'CLOSED' } }]));

    it('keeps the cause an operator named when it moves', () =>
      given([...activeHistory(), silenceIncidentOpened(), incidentUpdated({ openedBy: 'system', startedAt: '2026-03-19T10:00:00.000Z', cause: 'DEVICE_FAULT', responsibleParty: 'vendor', change: 'REQUALIFIED' })])
        .when(moveSilenceIncident())
        .thenMatches([{ type: 'ConnectivityIncidentUpdated', data: { cause: 'DEVICE_FAULT', responsibleParty: 'vendor', change: 'LATE_TRANSMISSIONS' } }]));

    it('changes nothing when moved to where it is', () =>
      given([...activeHistory(), silenceIncidentOpened({ endedAt: '2026-03-19T20:00:00.000Z' })]).when(moveSilenceIncident()).thenNothing());

    it('moves nothing once the incident is withdrawn (a late batch covered it) or was never opened', () =>
      given(activeHistory()).when(moveSilenceIncident()).thenNothing());

    it('withdraws it when late transmissions covered the whole silence', () =>
      given([...activeHistory(), silenceIncidentOpened()])
        .when(withdrawSilenceIncident())
        .then([{ type: 'ConnectivityIncidentWithdrawn', data: { incidentId: INCIDENT_ID, withdrawnAt: NOW.toISOString() } }]));

    it('withdraws it once: again, or an unknown one, is nothing', () => {
      given([...activeHistory(), silenceIncidentOpened(), incidentWithdrawn()]).when(withdrawSilenceIncident()).thenNothing();
      given(activeHistory()).when(withdrawSilenceIncident()).thenNothing();
    });
  });

  describe('RecordObservanceLow', () => {
    it('tells the prescriber of a month with data on fewer than half its days', () =>
      given(activeHistory())
        .when(recordObservanceLow())
        .then([{ type: 'ObservanceLow', data: { month: 1, from: '2026-03-18', to: '2026-04-17', daysWithData: 10, days: 31, prescriberRpps: PRESCRIBER_RPPS } }]));

    it('tells it once per month', () => given([...activeHistory(), observanceLow()]).when(recordObservanceLow()).thenNothing());

    it('tells the second month after the first', () =>
      given([...activeHistory(), observanceLow()])
        .when(recordObservanceLow({ month: 2, from: '2026-04-18', to: '2026-05-17', daysWithData: 12, days: 30 }))
        .thenMatches([{ type: 'ObservanceLow', data: { month: 2 } }]));

    it('tells the prescriber of the prescription in force', () =>
      given([...activeHistory(), extended()])
        .when(recordObservanceLow())
        .thenMatches([{ type: 'ObservanceLow', data: { prescriberRpps: RENEWING_PRESCRIBER_RPPS } }]));

    it('refuses for an enrolment that does not exist', () =>
      given([]).when(recordObservanceLow()).thenThrows('ENROLMENT.NOT_FOUND', 'not_found'));
  });
});
