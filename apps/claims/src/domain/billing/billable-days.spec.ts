import type { IncidentCauseV1 } from '@app/contracts';
import type { EnrolmentFacts } from './billing-facts';
import { billableDates } from './billable-days';
import { APRIL, certificationFact, deviceFacts, enrolmentFacts, incident, paris, periodOf, prescriptionFact, step, withSteps } from './billing.fixtures';

const daysOf = (overrides: Partial<EnrolmentFacts> = {}, device = deviceFacts(), period = APRIL) => billableDates(enrolmentFacts(overrides), device, period);
const april = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `2026-04-${String(from + i).padStart(2, '0')}`);
const without = (days: string[], ...removed: number[]) => days.filter((day) => !removed.includes(Number(day.slice(8))));

/** A whole Paris day in summer time, from its midnight to the next. */
const wholeDays = (from: string, toExclusive: string, cause: IncidentCauseV1, incidentId = '01950000-0000-7000-8000-0000000000f1') =>
  incident({ incidentId, cause, startedAt: paris(`${from}T00:00`, 2), endedAt: paris(`${toExclusive}T00:00`, 2) });

describe('billableDates', () => {
  it('bills every day of a month of monitoring', () => expect(daysOf()).toEqual(april(1, 30)));

  describe('connectivity incidents', () => {
    it.each(['NETWORK_COVERAGE', 'DEVICE_FAULT'] as const)('counts the days of a %s incident: the patient is not penalised', (cause) =>
      expect(daysOf({ incidents: [wholeDays('2026-04-05', '2026-04-15', cause)] })).toEqual(april(1, 30)));

    it.each(['PATIENT', 'UNKNOWN'] as const)('does not count the days wholly inside a %s incident', (cause) =>
      expect(daysOf({ incidents: [wholeDays('2026-04-05', '2026-04-15', cause)] })).toEqual([...april(1, 4), ...april(15, 30)]));

    it('keeps a day the incident leaves a moment of: from 00:30 to 23:59 Paris', () =>
      expect(daysOf({ incidents: [incident({ cause: 'PATIENT', startedAt: paris('2026-04-12T00:30', 2), endedAt: paris('2026-04-12T23:59', 2) })] })).toEqual(
        april(1, 30),
      ));

    it('removes only the days wholly inside, at either end of a long incident', () =>
      expect(daysOf({ incidents: [incident({ startedAt: paris('2026-04-11T23:00', 2), endedAt: paris('2026-04-14T01:00', 2) })] })).toEqual(
        without(april(1, 30), 12, 13),
      ));

    it('removes a day covered by two PATIENT/UNKNOWN incidents together, not by one of them with a NETWORK_COVERAGE one', () => {
      const morning = (cause: IncidentCauseV1) => incident({ incidentId: 'i-1', cause, startedAt: paris('2026-04-12T00:00', 2), endedAt: paris('2026-04-12T12:00', 2) });
      const afternoon = incident({ incidentId: 'i-2', cause: 'UNKNOWN', startedAt: paris('2026-04-12T12:00', 2), endedAt: paris('2026-04-13T00:00', 2) });
      expect(daysOf({ incidents: [morning('PATIENT'), afternoon] })).toEqual(without(april(1, 30), 12));
      expect(daysOf({ incidents: [morning('NETWORK_COVERAGE'), afternoon] })).toEqual(april(1, 30));
    });

    it('runs an open incident to the end of the period', () =>
      expect(daysOf({ incidents: [incident({ startedAt: paris('2026-04-20T00:00', 2), endedAt: null })] })).toEqual(april(1, 19)));

    it('ignores a withdrawn incident', () =>
      expect(daysOf({ incidents: [{ ...wholeDays('2026-04-05', '2026-04-15', 'PATIENT'), withdrawn: true }] })).toEqual(april(1, 30)));
  });

  describe('the enrolment, its consent and its prescription', () => {
    it('does not count suspended days; the days of the suspension and of the resumption count', () =>
      expect(daysOf(withSteps(['SUSPENDED', paris('2026-04-05T10:00', 2)], ['RESUMED', paris('2026-04-08T15:00', 2)]))).toEqual(without(april(1, 30), 6, 7)));

    it('does not count a day suspended from its midnight to the next', () =>
      expect(daysOf(withSteps(['SUSPENDED', paris('2026-04-06T00:00', 2)], ['RESUMED', paris('2026-04-07T00:00', 2)]))).toEqual(without(april(1, 30), 6)));

    it('stops at the end and at the withdrawal of consent (that day still counts)', () => {
      expect(daysOf(withSteps(['ENDED', paris('2026-04-10T09:00', 2)]))).toEqual(april(1, 10));
      expect(daysOf(withSteps(['CONSENT_WITHDRAWN', paris('2026-04-10T09:00', 2)], ['SUSPENDED', paris('2026-04-10T09:00', 2)]))).toEqual(april(1, 10));
    });

    it('needs the consent and the activity at the same instant', () =>
      // Consent withdrawn in the morning, monitoring resumed in the evening under a consent given the next day.
      expect(
        daysOf(
          withSteps(
            ['CONSENT_WITHDRAWN', paris('2026-04-10T09:00', 2)],
            ['SUSPENDED', paris('2026-04-10T09:00', 2)],
            ['RESUMED', paris('2026-04-10T20:00', 2)],
            ['CONSENT_GIVEN', paris('2026-04-12T08:00', 2)],
          ),
        ),
      ).toEqual(without(april(1, 30), 11)));

    it('counts the prescription to its last Paris day, and not after its cancellation', () => {
      const september = periodOf('2026-09');
      expect(daysOf({}, deviceFacts(), september)).toEqual(Array.from({ length: 14 }, (_, i) => `2026-09-${String(i + 1).padStart(2, '0')}`));
      const cancelled = prescriptionFact({ status: 'CANCELLED', cancelledAt: paris('2026-04-10T12:00', 2) });
      expect(daysOf({ prescriptions: [cancelled] })).toEqual(april(1, 10));
    });

    it('counts the days of a renewal of the chain', () => {
      const september = periodOf('2026-09');
      const renewal = prescriptionFact({ prescriptionId: 'renewal', startDate: '2026-09-15', endDate: '2027-03-14' });
      expect(daysOf({ prescriptions: [prescriptionFact({ status: 'EXPIRED' }), renewal] }, deviceFacts(), september)).toHaveLength(30);
    });
  });

  describe('the certification of the device', () => {
    it('does not count the days it was suspended, and counts again from the reinstatement', () => {
      const device = deviceFacts({
        certification: [
          certificationFact(),
          certificationFact({ version: 4, kind: 'SUSPENDED', at: paris('2026-04-10T12:00', 2), validFrom: null, validUntil: null }),
          certificationFact({ version: 5, kind: 'REINSTATED', at: paris('2026-04-20T12:00', 2), validFrom: null, validUntil: null }),
        ],
      });
      expect(daysOf({}, device)).toEqual([...april(1, 10), ...april(20, 30)]);
    });

    it('stops at its validUntil when it expired, and with no certification at all', () => {
      const device = deviceFacts({
        certification: [
          certificationFact({ validUntil: paris('2026-04-15T08:00', 2) }),
          certificationFact({ version: 4, kind: 'EXPIRED', at: paris('2026-04-15T08:00', 2), validFrom: null, validUntil: paris('2026-04-15T08:00', 2) }),
        ],
      });
      expect(daysOf({}, device)).toEqual(april(1, 15));
      expect(daysOf({}, deviceFacts({ certification: [] }))).toEqual([]);
      expect(billableDates(enrolmentFacts(), null, APRIL)).toEqual([]);
    });
  });

  describe('Paris days', () => {
    it('counts the day of an activation at 23:30 Paris (21:30 UTC, still the 10th there)', () => {
      const timeline = [step('CONSENT_GIVEN', '2026-04-01T08:00:00.000Z'), step('ACTIVATED', paris('2026-04-10T23:30', 2))];
      expect(daysOf({ timeline })).toEqual(april(10, 30));
    });

    it('does not count the 10th for an activation at 00:30 Paris on the 11th, though it is still the 10th in UTC', () => {
      const timeline = [step('CONSENT_GIVEN', '2026-04-01T08:00:00.000Z'), step('ACTIVATED', paris('2026-04-11T00:30', 2))];
      expect(paris('2026-04-11T00:30', 2)).toBe('2026-04-10T22:30:00.000Z');
      expect(daysOf({ timeline })).toEqual(april(11, 30));
    });

    describe('the months the clocks change', () => {
      const allYear = { prescriptions: [prescriptionFact({ startDate: '2026-01-01', endDate: '2026-12-31' })] };
      const since = (at: string): Partial<EnrolmentFacts> => ({ ...allYear, timeline: [step('CONSENT_GIVEN', '2026-01-02T08:00:00.000Z'), step('ACTIVATED', at)] });
      const march = periodOf('2026-03');
      const october = periodOf('2026-10');

      it('bills 31 days in March and in October', () => {
        expect(daysOf(since('2026-01-02T09:00:00.000Z'), deviceFacts(), march)).toHaveLength(31);
        expect(daysOf(since('2026-01-02T09:00:00.000Z'), deviceFacts(), october)).toHaveLength(31);
      });

      it('starts the 23-hour day of 29 March at 23:00 UTC the day before', () => {
        expect(daysOf(since('2026-03-28T23:00:00.000Z'), deviceFacts(), march)).toEqual(['2026-03-29', '2026-03-30', '2026-03-31']);
        expect(daysOf(since('2026-03-28T22:59:59.999Z'), deviceFacts(), march)).toEqual(['2026-03-28', '2026-03-29', '2026-03-30', '2026-03-31']);
      });

      it('removes the 23-hour day with an incident of 23 hours, not with one a millisecond shorter', () => {
        const lost = (endedAt: string) => daysOf({ ...since('2026-01-02T09:00:00.000Z'), incidents: [incident({ startedAt: '2026-03-28T23:00:00.000Z', endedAt })] }, deviceFacts(), march);
        expect(lost('2026-03-29T22:00:00.000Z')).not.toContain('2026-03-29');
        expect(lost('2026-03-29T22:00:00.000Z')).toHaveLength(30);
        expect(lost('2026-03-29T21:59:59.999Z')).toHaveLength(31);
      });

      it('keeps the 25-hour day of 25 October against an incident of 24 hours, removes it with one of 25', () => {
        const lost = (endedAt: string) => daysOf({ ...since('2026-01-02T09:00:00.000Z'), incidents: [incident({ startedAt: '2026-10-24T22:00:00.000Z', endedAt })] }, deviceFacts(), october);
        expect(lost('2026-10-25T22:00:00.000Z')).toHaveLength(31);
        expect(lost('2026-10-25T23:00:00.000Z')).not.toContain('2026-10-25');
        expect(lost('2026-10-25T23:00:00.000Z')).toHaveLength(30);
      });

      it('does not count 31 October for an end at its midnight (23:00 UTC on the 30th, winter time), counts it a millisecond later', () => {
        const endedAt = (at: string) => daysOf({ ...since('2026-01-02T09:00:00.000Z'), timeline: [...since('2026-01-02T09:00:00.000Z').timeline!, step('ENDED', at)] }, deviceFacts(), october);
        expect(endedAt('2026-10-30T23:00:00.001Z')).toContain('2026-10-31');
        expect(endedAt('2026-10-30T23:00:00.000Z')).not.toContain('2026-10-31');
        expect(endedAt('2026-10-30T23:00:00.000Z')).toHaveLength(30);
      });
    });
  });
});
