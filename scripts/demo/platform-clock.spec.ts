import { platformDayFromObservance, platformShiftMs } from './platform-clock';

describe("reading the platform's day", () => {
  it('is the latest observance month started, plus its days elapsed', () => {
    expect(platformDayFromObservance([{ month: 1, from: '2026-12-01', to: '2026-12-31', daysWithData: 1, days: 1 }])).toEqual({ day: '2026-12-01', atLeast: false });
    expect(
      platformDayFromObservance([
        { month: 1, from: '2026-12-01', to: '2026-12-31', daysWithData: 31, days: 31 },
        { month: 2, from: '2027-01-01', to: '2027-01-31', daysWithData: 0, days: 2 },
      ]),
    ).toEqual({ day: '2027-01-02', atLeast: false });
  });

  it('reads the last day of a first month all elapsed as today: the second month has not started', () => {
    // Activated on the 2nd: month 1 runs to the 1st of the next month, which is today.
    expect(platformDayFromObservance([{ month: 1, from: '2026-12-02', to: '2027-01-01', daysWithData: 30, days: 31 }])).toEqual({
      day: '2027-01-01',
      atLeast: false,
    });
  });

  it('only says "that day or later" once the second month is over', () => {
    expect(
      platformDayFromObservance([
        { month: 1, from: '2026-12-22', to: '2027-01-21', daysWithData: 31, days: 31 },
        { month: 2, from: '2027-01-22', to: '2027-02-21', daysWithData: 31, days: 31 },
      ]),
    ).toEqual({ day: '2027-02-21', atLeast: true });
  });

  it('cannot read it before any transmission', () => {
    expect(platformDayFromObservance(undefined)).toBeNull();
    expect(platformDayFromObservance([])).toBeNull();
  });

  it('measures the shift from a timestamp the platform wrote', () => {
    expect(platformShiftMs('2027-01-01T10:00:00.000Z', new Date('2026-12-01T10:00:00.000Z'))).toBe(31 * 86_400_000);
  });
});
