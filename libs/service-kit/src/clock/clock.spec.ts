import { ConfigError } from '../config/config-error';
import { fixedClock, ShiftedClock } from './clock';
import { parseClockOffset } from './clock-offset';

describe('parseClockOffset', () => {
  it.each([
    ['+40d', 40 * 86_400_000],
    ['-2h', -2 * 3_600_000],
    ['+30m', 30 * 60_000],
    ['+15s', 15_000],
    ['7d', 7 * 86_400_000],
    ['', 0],
    ['  ', 0],
    [undefined, 0],
  ])('reads %j as %d ms', (raw, ms) => {
    expect(parseClockOffset(raw)).toBe(ms);
  });

  it.each(['40', '+1w', 'tomorrow', '+-2h', '+2.5h', '+1d2h'])('refuses %j with an error naming CLOCK_OFFSET', (raw) => {
    expect(() => parseClockOffset(raw)).toThrow(ConfigError);
    expect(() => parseClockOffset(raw)).toThrow(/^Invalid configuration: CLOCK_OFFSET must be/);
  });
});

describe('ShiftedClock', () => {
  const real = Date.parse('2025-03-01T10:00:00.000Z');

  it('is the real time moved by the offset', () => {
    const clock = new ShiftedClock(parseClockOffset('+40d'), () => real);
    expect(clock.now().toISOString()).toBe('2025-04-10T10:00:00.000Z');
  });

  it('goes back with a negative offset', () => {
    expect(new ShiftedClock(parseClockOffset('-2h'), () => real).now().toISOString()).toBe('2025-03-01T08:00:00.000Z');
  });

  it('follows the real time as it passes', () => {
    let now = real;
    const clock = new ShiftedClock(1000, () => now);
    now += 5000;
    expect(clock.now().getTime()).toBe(real + 6000);
  });
});

describe('fixedClock', () => {
  it('always answers the same instant, as a fresh Date', () => {
    const clock = fixedClock('2025-01-01T00:00:00.000Z');
    const first = clock.now();
    first.setFullYear(1999);
    expect(clock.now().toISOString()).toBe('2025-01-01T00:00:00.000Z');
  });
});
