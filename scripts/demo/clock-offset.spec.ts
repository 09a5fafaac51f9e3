import { clockOffsetToReach, describeShift } from './clock-offset';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = new Date('2026-12-01T22:16:00.000Z');
const after = (ms: number) => new Date(now.getTime() + ms);

describe('the CLOCK_OFFSET the demo asks for', () => {
  it('counts whole days when they overshoot the target by little', () => {
    expect(clockOffsetToReach(after(30 * DAY), now)).toEqual({ text: '+30d', ms: 30 * DAY });
    expect(clockOffsetToReach(after(30 * DAY - HOUR), now)).toEqual({ text: '+30d', ms: 30 * DAY });
  });

  it('counts hours when whole days would overshoot by more than ten hours', () => {
    // 29 days 12 hours: 30 days would land 12 hours late, past most of the billing grace.
    expect(clockOffsetToReach(after(29 * DAY + 12 * HOUR), now)).toEqual({ text: '+708h', ms: 708 * HOUR });
    expect(clockOffsetToReach(after(29 * DAY + 12 * HOUR + 1), now)?.text).toBe('+709h');
  });

  it('always reaches the target, never before it', () => {
    for (const gap of [1, HOUR, 13 * HOUR, 2 * DAY + 1, 40 * DAY - 1]) {
      const offset = clockOffsetToReach(after(gap), now)!;
      expect({ gap, reached: offset.ms >= gap, within: offset.ms - gap <= 10 * HOUR }).toEqual({ gap, reached: true, within: true });
    }
  });

  it('asks for nothing once the real time is past the target', () => {
    expect(clockOffsetToReach(now, now)).toBeNull();
    expect(clockOffsetToReach(after(-DAY), now)).toBeNull();
  });

  it('describes a running platform shift for people', () => {
    expect([0, 20_000, 5 * 60_000, -2 * HOUR, 31 * DAY + 2 * HOUR, 3 * DAY].map(describeShift)).toEqual(['none', 'none', '+5m', '-2h', '+31d 2h', '+3d']);
  });
});
