import { adjudicatedLines, approvedTotals } from './adjudicated-amounts';
import { amoRateOf, amoShareOf, claimLines, claimTotals } from './claim-amounts';

describe('amoShareOf', () => {
  it.each([
    [2083, 60, 1250], // 1,249.8
    [4583, 60, 2750], // 2,749.8
    [2917, 60, 1750], // 1,750.2
    [1253, 60, 752], // 751.8
    [2800, 60, 1680],
    [2083, 100, 2083],
    [0, 60, 0],
  ])('%p cents at %p%% is %p', (cents, rate, share) => expect(amoShareOf(cents, rate)).toBe(share));

  // At 60% no amount ends in half a cent (6 x cents is even); other rates do, and half goes up.
  it.each([
    [1253, 50, 627], // 626.5
    [1, 50, 1], // 0.5
    [1255, 70, 879], // 878.5
    [1245, 70, 872], // 871.5
  ])('rounds half a cent up: %p at %p%% is %p', (cents, rate, share) => expect(amoShareOf(cents, rate)).toBe(share));

  it('takes 100% with an exonerating ALD, 60% otherwise', () => {
    expect(amoRateOf(true, { ald: 100, default: 60 })).toBe(100);
    expect(amoRateOf(false, { ald: 100, default: 60 })).toBe(60);
  });
});

describe('claim lines and totals', () => {
  const operator = { code: 'TVB', payee: 'operator-1', amountCents: 2800 };
  const technical = { code: '1612544', payee: '73282932000074', amountCents: 2083 };

  it('shares each line, and the claim is their sum', () => {
    const lines = claimLines({ operator, technical, ratePercent: 60 });
    expect(lines).toEqual([
      { kind: 'OPERATOR', ...operator, amoShareCents: 1680 },
      { kind: 'TECHNICAL', ...technical, amoShareCents: 1250 },
    ]);
    expect(claimTotals(lines)).toEqual({ totalCents: 4883, amoShareCents: 2930, patientShareCents: 1953 });
  });

  it('pays everything with an ALD', () =>
    expect(claimTotals(claimLines({ operator, technical, ratePercent: 100 }))).toEqual({ totalCents: 4883, amoShareCents: 4883, patientShareCents: 0 }));

  it('has no operator line when none is due', () => expect(claimLines({ operator: null, technical, ratePercent: 60 }).map((line) => line.kind)).toEqual(['TECHNICAL']));

  it('shares again on the approved lines after a line-by-line decision', () => {
    const lines = claimLines({ operator, technical, ratePercent: 60 });
    const decided = adjudicatedLines(
      lines,
      [
        { kind: 'OPERATOR', decision: 'REJECT', reasonCode: 'OTHER' },
        { kind: 'TECHNICAL', decision: 'APPROVE', reasonCode: null },
      ],
      60,
    );
    expect(decided).toEqual([
      { kind: 'OPERATOR', decision: 'REJECT', reasonCode: 'OTHER', approvedCents: 0, amoShareCents: 0 },
      { kind: 'TECHNICAL', decision: 'APPROVE', reasonCode: null, approvedCents: 2083, amoShareCents: 1250 },
    ]);
    expect(approvedTotals(decided)).toEqual({ approvedCents: 2083, amoShareCents: 1250, patientShareCents: 833 });
  });
});
