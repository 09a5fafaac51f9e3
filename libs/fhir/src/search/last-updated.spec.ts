import { intersect, lastUpdatedRange } from './last-updated';

const at = (iso: string) => new Date(iso);

describe('_lastUpdated as a range of instants', () => {
  it('takes the span a value names at its precision, then the side its prefix says', () => {
    expect(lastUpdatedRange('2026-03-04')).toEqual({ from: at('2026-03-04T00:00:00.000Z'), to: at('2026-03-05T00:00:00.000Z') });
    expect(lastUpdatedRange('ge2026-03-04')).toEqual({ from: at('2026-03-04T00:00:00.000Z') });
    expect(lastUpdatedRange('gt2026-03-04')).toEqual({ from: at('2026-03-05T00:00:00.000Z') });
    expect(lastUpdatedRange('le2026-03-04')).toEqual({ to: at('2026-03-05T00:00:00.000Z') });
    expect(lastUpdatedRange('lt2026-03-04')).toEqual({ to: at('2026-03-04T00:00:00.000Z') });
    expect(lastUpdatedRange('eq2026-03-04T10:00:00+01:00')).toEqual({ from: at('2026-03-04T09:00:00.000Z'), to: at('2026-03-04T09:00:01.000Z') });
    expect(lastUpdatedRange('gt2026-03-04T09:00:00.250Z')).toEqual({ from: at('2026-03-04T09:00:00.251Z') });
  });

  it('says why a value is not a date', () => {
    expect(lastUpdatedRange('yesterday')).toMatch(/is not a date/);
    expect(lastUpdatedRange('ne2026-03-04')).toMatch(/is not a date/);
  });

  it('keeps the narrowest range when several are given', () => {
    expect(intersect([{ from: at('2026-01-01') }, { from: at('2026-02-01'), to: at('2026-03-01') }, { to: at('2026-04-01') }])).toEqual({
      from: at('2026-02-01'),
      to: at('2026-03-01'),
    });
  });
});
