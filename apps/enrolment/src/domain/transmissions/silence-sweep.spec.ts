import { DEFAULT_EXPECTED_INTERVALS } from './expected-interval';
import { planSweep } from './silence-sweep';

const PERIODIC = DEFAULT_EXPECTED_INTERVALS.PERIODIC;
const CRITICAL = DEFAULT_EXPECTED_INTERVALS.CRITICAL_ALERTS;
const marks = { monitoringFrom: '2026-03-02T08:00:00.000Z', firstAt: '2026-03-02T09:00:00.000Z', lastAt: '2026-03-03T10:00:00.000Z' };

describe('planSweep', () => {
  it('opens the ongoing silence from the last transmission, with an incident from last + interval, once that is past', () => {
    expect(planSweep({ marks, hasOngoingSilence: false, now: '2026-03-04T12:00:00.001Z', intervalMs: PERIODIC })).toEqual({
      silence: { fromAt: '2026-03-03T10:00:00.000Z', toAt: null },
      incident: { startedAt: '2026-03-04T12:00:00.000Z', endedAt: null },
    });
  });

  it('waits while the last transmission is no more than the interval ago', () => {
    expect(planSweep({ marks, hasOngoingSilence: false, now: '2026-03-04T12:00:00.000Z', intervalMs: PERIODIC })).toBeNull();
    expect(planSweep({ marks, hasOngoingSilence: false, now: '2026-03-03T11:00:00.000Z', intervalMs: CRITICAL })).toBeNull();
  });

  it('opens nothing more while a silence is ongoing', () => {
    expect(planSweep({ marks, hasOngoingSilence: true, now: '2026-03-10T00:00:00.000Z', intervalMs: PERIODIC })).toBeNull();
  });

  it('opens nothing while monitoring is stopped', () => {
    const stopped = { ...marks, stoppedAt: '2026-03-03T12:00:00.000Z' };
    expect(planSweep({ marks: stopped, hasOngoingSilence: false, now: '2026-03-10T00:00:00.000Z', intervalMs: PERIODIC })).toBeNull();
    expect(planSweep({ marks: { ...marks, stoppedAt: null }, hasOngoingSilence: false, now: '2026-03-10T00:00:00.000Z', intervalMs: PERIODIC })).not.toBeNull();
  });

  it('measures from the activation when nothing came yet', () => {
    const none = { monitoringFrom: '2026-03-02T08:00:00.000Z', firstAt: null, lastAt: null };
    expect(planSweep({ marks: none, hasOngoingSilence: false, now: '2026-03-03T12:00:00.000Z', intervalMs: PERIODIC })).toEqual({
      silence: { fromAt: '2026-03-02T08:00:00.000Z', toAt: null },
      incident: { startedAt: '2026-03-03T10:00:00.000Z', endedAt: null },
    });
  });

  it('measures from the resumption when the last transmission came before it', () => {
    const resumed = { ...marks, monitoringFrom: '2026-03-08T00:00:00.000Z' };
    expect(planSweep({ marks: resumed, hasOngoingSilence: false, now: '2026-03-08T20:00:00.000Z', intervalMs: PERIODIC })).toBeNull();
    expect(planSweep({ marks: resumed, hasOngoingSilence: false, now: '2026-03-09T03:00:00.000Z', intervalMs: PERIODIC })?.silence.fromAt).toBe(
      '2026-03-08T00:00:00.000Z',
    );
  });

  it('opens a CRITICAL_ALERTS silence an hour after the last transmission, inside the day', () => {
    expect(planSweep({ marks, hasOngoingSilence: false, now: '2026-03-03T11:01:00.000Z', intervalMs: CRITICAL })?.incident).toEqual({
      startedAt: '2026-03-03T11:00:00.000Z',
      endedAt: null,
    });
  });
});
