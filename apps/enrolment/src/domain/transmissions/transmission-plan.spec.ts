import { DEFAULT_EXPECTED_INTERVALS } from './expected-interval';
import type { StoredSilence } from './silence';
import { planTransmissions, type TransmissionBatch } from './transmission-plan';

const HOUR = 3_600_000;
const PERIODIC = DEFAULT_EXPECTED_INTERVALS.PERIODIC; // 26 h
const CRITICAL = DEFAULT_EXPECTED_INTERVALS.CRITICAL_ALERTS; // 1 h
const ACTIVATION = Date.parse('2026-03-02T08:00:00.000Z');
/** The instant `hours` after the activation. */
const h = (hours: number): string => new Date(ACTIVATION + hours * HOUR).toISOString();
const marks = (lastHours: number | null, firstHours: number | null = lastHours === null ? null : 0) => ({
  monitoringFrom: h(0),
  firstAt: firstHours === null ? null : h(firstHours),
  lastAt: lastHours === null ? null : h(lastHours),
});
const silence = (id: string, fromHours: number, toHours: number | null, incidentId: string | null = `incident-${id}`): StoredSilence => ({
  id,
  fromAt: h(fromHours),
  toAt: toHours === null ? null : h(toHours),
  incidentId,
});
const plan = (batch: Partial<TransmissionBatch> & { instants: string[] }) =>
  planTransmissions({ marks: marks(null), silences: [], intervalMs: PERIODIC, ...batch });

describe('planTransmissions', () => {
  describe('transmissions after the last one', () => {
    it('moves the marks and finds no silence while the device keeps within the interval', () => {
      const result = plan({ marks: marks(10), instants: [h(20), h(36)] });
      expect(result.marks).toEqual({ monitoringFrom: h(0), firstAt: h(0), lastAt: h(36) });
      expect(result.accepted).toEqual([h(20), h(36)]);
      expect(result.silences).toEqual({ insert: [], update: [], delete: [] });
      expect(result.incidents).toEqual({ open: [], update: [], withdraw: [] });
    });

    it('records a closed silence and its incident [last + interval, t) when t comes more than the interval after the last', () => {
      const result = plan({ marks: marks(10), instants: [h(40)] });
      expect(result.silences.insert).toEqual([{ key: 'silence-1', fromAt: h(10), toAt: h(40) }]);
      expect(result.incidents.open).toEqual([{ silenceKey: 'silence-1', startedAt: h(36), endedAt: h(40) }]);
      expect(result.marks.lastAt).toBe(h(40));
    });

    it('measures elapsed time across a DST change, not the wall clock in Paris', () => {
      // 28 March 12:00 UTC (13:00 Paris) to 29 March 13:30 UTC (15:30 Paris, after the spring change): 25.5 h elapsed, 26.5 h on the wall.
      const across = { monitoringFrom: '2026-03-27T00:00:00.000Z', firstAt: null, lastAt: '2026-03-28T12:00:00.000Z' };
      expect(plan({ marks: across, instants: ['2026-03-29T13:30:00.000Z'] }).silences.insert).toEqual([]);
      expect(plan({ marks: across, instants: ['2026-03-29T14:30:00.000Z'] }).incidents.open).toEqual([
        { silenceKey: 'silence-1', startedAt: '2026-03-29T14:00:00.000Z', endedAt: '2026-03-29T14:30:00.000Z' },
      ]);
    });

    it('finds no silence for a gap of exactly the interval', () => {
      expect(plan({ marks: marks(10), instants: [h(36)] }).silences.insert).toEqual([]);
      expect(plan({ marks: marks(10), instants: [new Date(Date.parse(h(36)) + 1).toISOString()] }).silences.insert).toHaveLength(1);
    });

    it('measures the first silence from the start of monitoring when nothing came yet', () => {
      const result = plan({ instants: [h(30)] });
      expect(result.silences.insert).toEqual([{ key: 'silence-1', fromAt: h(0), toAt: h(30) }]);
      expect(result.incidents.open).toEqual([{ silenceKey: 'silence-1', startedAt: h(26), endedAt: h(30) }]);
      expect(result.marks).toEqual({ monitoringFrom: h(0), firstAt: h(30), lastAt: h(30) });
    });

    it('closes the ongoing silence the sweep opened, and its incident', () => {
      const result = plan({ marks: marks(10), silences: [silence('s1', 10, null)], instants: [h(50)] });
      expect(result.silences).toEqual({ insert: [], update: [{ id: 's1', fromAt: h(10), toAt: h(50) }], delete: [] });
      expect(result.incidents).toEqual({
        open: [],
        update: [{ incidentId: 'incident-s1', startedAt: h(36), endedAt: h(50), change: 'CLOSED' }],
        withdraw: [],
      });
    });

    it('closes the ongoing silence with the batch earliest new transmission and measures the next gaps from there', () => {
      const result = plan({ marks: marks(10), silences: [silence('s1', 10, null)], instants: [h(120), h(40), h(60)] });
      expect(result.silences.update).toEqual([{ id: 's1', fromAt: h(10), toAt: h(40) }]);
      expect(result.silences.insert).toEqual([{ key: 'silence-1', fromAt: h(60), toAt: h(120) }]);
      expect(result.incidents.update).toEqual([{ incidentId: 'incident-s1', startedAt: h(36), endedAt: h(40), change: 'CLOSED' }]);
      expect(result.incidents.open).toEqual([{ silenceKey: 'silence-1', startedAt: h(86), endedAt: h(120) }]);
    });

    it('withdraws the ongoing silence when the transmission that ends it was sent within the interval (reported late)', () => {
      // The sweep saw nothing for 27 h; the operator then reports what the device sent 5 h after the last one.
      const result = plan({ marks: marks(10), silences: [silence('s1', 10, null)], instants: [h(15)] });
      expect(result.silences).toEqual({ insert: [], update: [], delete: ['s1'] });
      expect(result.incidents).toEqual({ open: [], update: [], withdraw: ['incident-s1'] });
      expect(result.marks.lastAt).toBe(h(15));
    });
  });

  describe('late transmissions (before the last one)', () => {
    it('shortens the incident when the late one falls near the end of the silence', () => {
      const result = plan({ marks: marks(100), silences: [silence('s1', 10, 100)], instants: [h(80)] });
      expect(result.silences).toEqual({ insert: [], update: [{ id: 's1', fromAt: h(10), toAt: h(80) }], delete: [] });
      expect(result.incidents.update).toEqual([{ incidentId: 'incident-s1', startedAt: h(36), endedAt: h(80), change: 'LATE_TRANSMISSIONS' }]);
      expect(result.incidents.open).toEqual([]);
      expect(result.marks.lastAt).toBe(h(100));
    });

    it('moves the start of the incident when the late one falls near the start of the silence', () => {
      const result = plan({ marks: marks(100), silences: [silence('s1', 10, 100)], instants: [h(20)] });
      expect(result.silences.update).toEqual([{ id: 's1', fromAt: h(20), toAt: h(100) }]);
      expect(result.incidents.update).toEqual([{ incidentId: 'incident-s1', startedAt: h(46), endedAt: h(100), change: 'LATE_TRANSMISSIONS' }]);
    });

    it('splits the silence and its incident in two when both parts are longer than the interval', () => {
      const result = plan({ marks: marks(100), silences: [silence('s1', 10, 100)], instants: [h(50)] });
      expect(result.silences).toEqual({
        insert: [{ key: 'silence-1', fromAt: h(50), toAt: h(100) }],
        update: [{ id: 's1', fromAt: h(10), toAt: h(50) }],
        delete: [],
      });
      expect(result.incidents).toEqual({
        open: [{ silenceKey: 'silence-1', startedAt: h(76), endedAt: h(100) }],
        update: [{ incidentId: 'incident-s1', startedAt: h(36), endedAt: h(50), change: 'LATE_TRANSMISSIONS' }],
        withdraw: [],
      });
    });

    it('withdraws the incident when late transmissions leave no part longer than the interval', () => {
      const result = plan({ marks: marks(60), silences: [silence('s1', 10, 60)], instants: [h(35)] });
      expect(result.silences).toEqual({ insert: [], update: [], delete: ['s1'] });
      expect(result.incidents).toEqual({ open: [], update: [], withdraw: ['incident-s1'] });
    });

    it('cuts one silence at several late instants of one batch, keeping the parts that are still silences', () => {
      // 10 -> 200 cut at 40, 50, 120, 150 and 175: 30 h, 10 h, 70 h, 30 h, 25 h and 25 h.
      const result = plan({ marks: marks(200), silences: [silence('s1', 10, 200)], instants: [h(150), h(50), h(40), h(175), h(120)] });
      expect(result.silences).toEqual({
        insert: [
          { key: 'silence-1', fromAt: h(50), toAt: h(120) },
          { key: 'silence-2', fromAt: h(120), toAt: h(150) },
        ],
        update: [{ id: 's1', fromAt: h(10), toAt: h(40) }],
        delete: [],
      });
      expect(result.incidents.open).toEqual([
        { silenceKey: 'silence-1', startedAt: h(76), endedAt: h(120) },
        { silenceKey: 'silence-2', startedAt: h(146), endedAt: h(150) },
      ]);
      expect(result.incidents.update).toEqual([{ incidentId: 'incident-s1', startedAt: h(36), endedAt: h(40), change: 'LATE_TRANSMISSIONS' }]);
    });

    it('keeps the incident on the part that remains when the first part is too short', () => {
      const result = plan({ marks: marks(100), silences: [silence('s1', 10, 100)], instants: [h(30)] });
      expect(result.silences.update).toEqual([{ id: 's1', fromAt: h(30), toAt: h(100) }]);
      expect(result.incidents.update).toEqual([{ incidentId: 'incident-s1', startedAt: h(56), endedAt: h(100), change: 'LATE_TRANSMISSIONS' }]);
      expect(result.incidents.withdraw).toEqual([]);
    });

    it('touches only the silence the late instant falls in', () => {
      const silences = [silence('s1', 0, 40), silence('s2', 100, 150)];
      const result = plan({ marks: marks(150), silences, instants: [h(125)] });
      expect(result.silences).toEqual({ insert: [], update: [], delete: ['s2'] });
      expect(result.incidents.withdraw).toEqual(['incident-s2']);
    });

    it('changes nothing for a late one between silences, or on the bound of one (the transmission that bounds it)', () => {
      const silences = [silence('s1', 10, 60)];
      const result = plan({ marks: marks(100), silences, instants: [h(70), h(10), h(60), h(100)] });
      expect(result.silences).toEqual({ insert: [], update: [], delete: [] });
      expect(result.incidents).toEqual({ open: [], update: [], withdraw: [] });
      expect(result.marks).toEqual(marks(100));
    });

    it('cuts a silence without incident into silences without incident', () => {
      const result = plan({ marks: marks(100), silences: [silence('s1', 10, 100, null)], instants: [h(50)] });
      expect(result.silences.update).toEqual([{ id: 's1', fromAt: h(10), toAt: h(50) }]);
      expect(result.silences.insert).toEqual([{ key: 'silence-1', fromAt: h(50), toAt: h(100) }]);
      expect(result.incidents).toEqual({ open: [], update: [], withdraw: [] });
    });

    it('moves the first mark back to the earliest instant', () => {
      expect(plan({ marks: marks(100, 50), instants: [h(20)] }).marks).toEqual({ monitoringFrom: h(0), firstAt: h(20), lastAt: h(100) });
    });

    it('handles late and new transmissions in one batch', () => {
      const result = plan({ marks: marks(100), silences: [silence('s1', 10, 100)], instants: [h(200), h(50)] });
      expect(result.silences.update).toEqual([{ id: 's1', fromAt: h(10), toAt: h(50) }]);
      expect(result.silences.insert).toEqual([
        { key: 'silence-1', fromAt: h(50), toAt: h(100) },
        { key: 'silence-2', fromAt: h(100), toAt: h(200) },
      ]);
      expect(result.incidents.open.map((open) => open.startedAt)).toEqual([h(76), h(126)]);
      expect(result.marks.lastAt).toBe(h(200));
    });
  });

  describe('the batch as reported', () => {
    it('counts duplicates once and treats an instant equal to the last one as already known', () => {
      const result = plan({ marks: marks(10), instants: [h(40), h(40), h(10), h(40)] });
      expect(result.accepted).toEqual([h(10), h(40)]);
      expect(result.silences.insert).toHaveLength(1);
      expect(result.incidents.open).toHaveLength(1);
    });

    it('gives the same plan whatever the order of the batch', () => {
      const instants = [h(5), h(40), h(90), h(95), h(150)];
      const sorted = plan({ instants });
      const shuffled = plan({ instants: [h(95), h(150), h(5), h(90), h(40)] });
      expect(shuffled).toEqual(sorted);
      expect(sorted.silences.insert).toEqual([
        { key: 'silence-1', fromAt: h(5), toAt: h(40) },
        { key: 'silence-2', fromAt: h(40), toAt: h(90) },
        { key: 'silence-3', fromAt: h(95), toAt: h(150) },
      ]);
    });

    it('ignores instants before the start of monitoring', () => {
      const result = plan({ instants: [h(-50), h(-1), h(30)] });
      expect(result.accepted).toEqual([h(30)]);
      expect(result.marks).toEqual({ monitoringFrom: h(0), firstAt: h(30), lastAt: h(30) });
      expect(result.silences.insert).toEqual([{ key: 'silence-1', fromAt: h(0), toAt: h(30) }]);
    });

    it('changes nothing for a batch entirely before the start of monitoring', () => {
      const result = plan({ marks: marks(10), instants: [h(-5)] });
      expect(result).toEqual({
        marks: marks(10),
        accepted: [],
        silences: { insert: [], update: [], delete: [] },
        incidents: { open: [], update: [], withdraw: [] },
      });
    });

    it('reads instants with an offset and writes them in UTC with milliseconds', () => {
      const result = plan({ instants: ['2026-03-02T11:00:00+02:00'] });
      expect(result.accepted).toEqual(['2026-03-02T09:00:00.000Z']);
    });

    it('refuses what is not an instant', () => {
      expect(() => plan({ instants: ['yesterday'] })).toThrow(RangeError);
    });
  });

  describe('after a resumption (monitoring restarted after the last transmission)', () => {
    const resumed = { monitoringFrom: h(100), firstAt: h(0), lastAt: h(10) };

    it('measures the silence from the resumption, not from the last transmission before it', () => {
      const result = plan({ marks: resumed, instants: [h(120), h(140)] });
      expect(result.silences.insert).toEqual([]);
      const late = plan({ marks: resumed, instants: [h(130)] });
      expect(late.silences.insert).toEqual([{ key: 'silence-1', fromAt: h(100), toAt: h(130) }]);
      expect(late.incidents.open).toEqual([{ silenceKey: 'silence-1', startedAt: h(126), endedAt: h(130) }]);
    });

    it('ignores what was sent while monitoring was stopped', () => {
      const result = plan({ marks: resumed, instants: [h(50)] });
      expect(result.accepted).toEqual([]);
      expect(result.marks).toEqual(resumed);
    });
  });

  describe('CRITICAL_ALERTS (1 h)', () => {
    const intervalMs = CRITICAL;
    const at = (time: string) => `2026-03-02T${time}:00.000Z`;
    const critical = (lastAt: string) => ({ monitoringFrom: at('06:00'), firstAt: at('06:00'), lastAt });

    it('finds the gaps longer than an hour inside one day', () => {
      const instants = ['08:45', '09:30', '11:00', '11:20', '12:21', '12:40'].map(at);
      const result = planTransmissions({ marks: critical(at('08:00')), silences: [], instants, intervalMs });
      expect(result.silences.insert).toEqual([
        { key: 'silence-1', fromAt: at('09:30'), toAt: at('11:00') },
        { key: 'silence-2', fromAt: at('11:20'), toAt: at('12:21') },
      ]);
      expect(result.incidents.open).toEqual([
        { silenceKey: 'silence-1', startedAt: at('10:30'), endedAt: at('11:00') },
        { silenceKey: 'silence-2', startedAt: at('12:20'), endedAt: at('12:21') },
      ]);
    });

    it('shortens an hour-scale incident with a late report', () => {
      const silences = [{ id: 's1', fromAt: at('09:00'), toAt: at('12:00'), incidentId: 'i1' }];
      const result = planTransmissions({ marks: critical(at('12:00')), silences, instants: [at('10:30')], intervalMs });
      expect(result.silences.update).toEqual([{ id: 's1', fromAt: at('09:00'), toAt: at('10:30') }]);
      expect(result.silences.insert).toEqual([{ key: 'silence-1', fromAt: at('10:30'), toAt: at('12:00') }]);
      expect(result.incidents.update).toEqual([{ incidentId: 'i1', startedAt: at('10:00'), endedAt: at('10:30'), change: 'LATE_TRANSMISSIONS' }]);
      expect(result.incidents.open).toEqual([{ silenceKey: 'silence-1', startedAt: at('11:30'), endedAt: at('12:00') }]);
    });

    it('finds none for a device reporting every 15 minutes', () => {
      const instants = Array.from({ length: 96 }, (_, i) => new Date(Date.parse(at('06:00')) + (i + 1) * 15 * 60_000).toISOString());
      const result = planTransmissions({ marks: critical(at('06:00')), silences: [], instants, intervalMs });
      expect(result.silences).toEqual({ insert: [], update: [], delete: [] });
      expect(result.marks.lastAt).toBe('2026-03-03T06:00:00.000Z');
    });
  });
});
