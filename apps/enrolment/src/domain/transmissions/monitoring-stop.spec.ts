import { DEFAULT_EXPECTED_INTERVALS } from './expected-interval';
import { planMonitoringStop } from './monitoring-stop';
import { planTransmissions } from './transmission-plan';

const PERIODIC = DEFAULT_EXPECTED_INTERVALS.PERIODIC;
const marks = { monitoringFrom: '2026-03-01T08:00:00.000Z', firstAt: '2026-03-01T09:00:00.000Z', lastAt: '2026-03-02T08:00:00.000Z' };
const ongoing = { id: 's1', fromAt: '2026-03-02T08:00:00.000Z', toAt: null, incidentId: 'i1' };
const none = { silences: { insert: [], update: [], delete: [] }, incidents: { open: [], update: [], withdraw: [] } };
const stop = (at: string, withOngoing = true) => planMonitoringStop({ marks, ongoing: withOngoing ? ongoing : null, at, intervalMs: PERIODIC });

describe('planMonitoringStop', () => {
  it('ends the ongoing silence and closes its incident when monitoring stops', () => {
    expect(stop('2026-03-05T08:00:00.000Z')).toEqual({
      silences: { insert: [], update: [{ id: 's1', fromAt: ongoing.fromAt, toAt: '2026-03-05T08:00:00.000Z' }], delete: [] },
      incidents: {
        open: [],
        update: [{ incidentId: 'i1', startedAt: '2026-03-03T10:00:00.000Z', endedAt: '2026-03-05T08:00:00.000Z', change: 'CLOSED' }],
        withdraw: [],
      },
    });
  });

  it('withdraws the incident of a stop dated before the device was late', () => {
    expect(stop('2026-03-03T08:00:00.000Z')).toEqual({
      silences: { insert: [], update: [], delete: ['s1'] },
      incidents: { open: [], update: [], withdraw: ['i1'] },
    });
  });

  it('records the closed silence the sweep had not opened yet', () => {
    expect(stop('2026-03-03T10:00:30.000Z', false)).toEqual({
      silences: { insert: [{ key: 'silence-1', fromAt: marks.lastAt, toAt: '2026-03-03T10:00:30.000Z' }], update: [], delete: [] },
      incidents: { open: [{ silenceKey: 'silence-1', startedAt: '2026-03-03T10:00:00.000Z', endedAt: '2026-03-03T10:00:30.000Z' }], update: [], withdraw: [] },
    });
  });

  it('changes nothing when the device was not silent for longer than the interval', () => {
    expect(stop('2026-03-03T10:00:00.000Z', false)).toEqual(none);
  });

  it('leaves a silence a later report of what came before the stop cuts, and ignores what came after it', () => {
    const stopped = { ...marks, stoppedAt: '2026-03-06T08:00:00.000Z' };
    const closed = { ...ongoing, toAt: stopped.stoppedAt };
    // Sent on 4 March 08:00 (inside the 2 -> 6 March silence), and on 7 March (after the stop), reported late.
    const plan = planTransmissions({
      marks: stopped,
      silences: [closed],
      instants: ['2026-03-04T08:00:00.000Z', '2026-03-07T08:00:00.000Z'],
      intervalMs: PERIODIC,
    });
    expect(plan.accepted).toEqual(['2026-03-04T08:00:00.000Z']);
    expect(plan.marks).toEqual({ ...stopped, lastAt: '2026-03-04T08:00:00.000Z' });
    expect(plan.silences).toEqual({
      insert: [{ key: 'silence-1', fromAt: '2026-03-04T08:00:00.000Z', toAt: '2026-03-06T08:00:00.000Z' }],
      update: [{ id: 's1', fromAt: ongoing.fromAt, toAt: '2026-03-04T08:00:00.000Z' }],
      delete: [],
    });
    expect(plan.incidents.update).toEqual([
      { incidentId: 'i1', startedAt: '2026-03-03T10:00:00.000Z', endedAt: '2026-03-04T08:00:00.000Z', change: 'LATE_TRANSMISSIONS' },
    ]);
    expect(plan.incidents.open).toEqual([{ silenceKey: 'silence-1', startedAt: '2026-03-05T10:00:00.000Z', endedAt: '2026-03-06T08:00:00.000Z' }]);
  });
});
