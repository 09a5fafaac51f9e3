import { transmissionDaysOf } from './transmission-days';

describe('transmissionDaysOf', () => {
  it('groups by the day in Paris, not in UTC', () => {
    // 23:30 UTC in winter is 00:30 the next day in Paris (UTC+1).
    expect(transmissionDaysOf(['2026-01-14T23:30:00.000Z', '2026-01-14T22:59:59.999Z', '2026-01-14T12:00:00.000Z'])).toEqual([
      { day: '2026-01-14', transmissions: 2, firstAt: '2026-01-14T12:00:00.000Z', lastAt: '2026-01-14T22:59:59.999Z' },
      { day: '2026-01-15', transmissions: 1, firstAt: '2026-01-14T23:30:00.000Z', lastAt: '2026-01-14T23:30:00.000Z' },
    ]);
  });

  it('follows summer time: midnight in Paris is 22:00 UTC', () => {
    expect(transmissionDaysOf(['2026-07-01T21:59:00.000Z', '2026-07-01T22:00:00.000Z']).map((d) => d.day)).toEqual(['2026-07-01', '2026-07-02']);
  });

  it('keeps the 23-hour day of the spring change and the 25-hour day of the autumn change whole', () => {
    // 29 March 2026: Paris goes from UTC+1 to UTC+2 at 01:00 UTC; the day runs 28 Mar 23:00 UTC to 29 Mar 22:00 UTC.
    const spring = transmissionDaysOf(['2026-03-28T22:59:00.000Z', '2026-03-28T23:00:00.000Z', '2026-03-29T21:59:00.000Z', '2026-03-29T22:00:00.000Z']);
    expect(spring.map(({ day, transmissions }) => [day, transmissions])).toEqual([
      ['2026-03-28', 1],
      ['2026-03-29', 2],
      ['2026-03-30', 1],
    ]);
    // 25 October 2026: back to UTC+1 at 01:00 UTC; the day runs 24 Oct 22:00 UTC to 25 Oct 23:00 UTC.
    const autumn = transmissionDaysOf(['2026-10-24T21:59:00.000Z', '2026-10-24T22:00:00.000Z', '2026-10-25T22:59:00.000Z', '2026-10-25T23:00:00.000Z']);
    expect(autumn.map(({ day, transmissions }) => [day, transmissions])).toEqual([
      ['2026-10-24', 1],
      ['2026-10-25', 2],
      ['2026-10-26', 1],
    ]);
  });

  it('gives nothing for no instants', () => {
    expect(transmissionDaysOf([])).toEqual([]);
  });
});
