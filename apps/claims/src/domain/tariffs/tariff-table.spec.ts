import tariffsJson from '../../tariffs/tariffs.json';
import { periodOf, REFERENCE, TARIFFS, tableChangingOn } from '../billing/billing.fixtures';
import { operatorLevelOf, parseTariffTable, tariffInForce, technicalTranche, TariffTableError } from './tariff-table';

// Any field may be spoilt, so the copy is loosely typed on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const clone = () => JSON.parse(JSON.stringify(tariffsJson)) as { versions: Array<Record<string, any>> };
const errorOf = (json: unknown): TariffTableError => {
  try {
    parseTariffTable(json);
  } catch (error) {
    expect(error).toBeInstanceOf(TariffTableError);
    return error as TariffTableError;
  }
  throw new Error('expected the table to be refused');
};

describe('the tariff table', () => {
  it('holds the reference values of DOMAIN.md', () => {
    expect(TARIFFS.versions).toHaveLength(1);
    expect(REFERENCE).toMatchObject({ version: '2023-07', validFrom: '2023-07-01', validUntil: null, amoRatePercent: { ald: 100, default: 60 }, operatorMaxMonths: 12 });
    expect(operatorLevelOf(REFERENCE, 'IMPLANTED_CARDIAC_DEVICE')).toMatchObject({ level: 1, code: 'TVA', amountCents: 1100 });
    for (const indication of ['HEART_FAILURE', 'CHRONIC_RESPIRATORY_FAILURE', 'CHRONIC_KIDNEY_FAILURE', 'DIABETES'] as const) {
      expect(operatorLevelOf(REFERENCE, indication)).toMatchObject({ level: 2, code: 'TVB', amountCents: 2800 });
    }
    expect(REFERENCE.technical.tranches).toHaveLength(12);
    expect(REFERENCE.technical.tranches.slice(0, 2)).toEqual([
      { fromPatients: 0, amountCents: 5000 },
      { fromPatients: 5000, amountCents: 4583 },
    ]);
    expect(REFERENCE.technical.tranches[11]).toEqual({ fromPatients: 100001, amountCents: 1253 });
    expect(REFERENCE.technical.floorCents).toBe(2083);
    expect(REFERENCE.technical.lppCodes).toMatchObject({
      HEART_FAILURE: ['1612544'],
      CHRONIC_RESPIRATORY_FAILURE: ['1659468'],
      CHRONIC_KIDNEY_FAILURE: ['1668102'],
      DIABETES: ['1654962', '1694358'],
    });
  });

  it('drops the $comments of the data', () => expect(JSON.stringify(TARIFFS)).not.toContain('$comment'));

  describe('parseTariffTable', () => {
    it.each([
      ['a negative amount', (t: ReturnType<typeof clone>) => (t.versions[0].technical.tranches[2].amountCents = -1), 'versions[0].technical.tranches[2].amountCents'],
      ['cents that are not whole', (t: ReturnType<typeof clone>) => (t.versions[0].technical.floorCents = 20.83), 'versions[0].technical.floorCents'],
      ['a bad LPP code', (t: ReturnType<typeof clone>) => (t.versions[0].technical.lppCodes.DIABETES = ['165496']), 'versions[0].technical.lppCodes.DIABETES[0]'],
      ['an indication without codes listed', (t: ReturnType<typeof clone>) => delete t.versions[0].technical.lppCodes.HEART_FAILURE, 'versions[0].technical.lppCodes.HEART_FAILURE'],
      ['a bad date', (t: ReturnType<typeof clone>) => (t.versions[0].validFrom = '01/07/2023'), 'versions[0].validFrom'],
      ['an unknown indication', (t: ReturnType<typeof clone>) => (t.versions[0].operator.levels[0].indications = ['ASTHMA']), 'versions[0].operator.levels[0].indications[0]'],
      ['tranches out of order', (t: ReturnType<typeof clone>) => (t.versions[0].technical.tranches[3].fromPatients = 100), 'versions[0].technical.tranches[3].fromPatients'],
      ['a first tranche above 0', (t: ReturnType<typeof clone>) => (t.versions[0].technical.tranches[0].fromPatients = 1), 'versions[0].technical.tranches[0].fromPatients'],
      ['an indication in no operator level', (t: ReturnType<typeof clone>) => (t.versions[0].operator.levels[0].indications = ['DIABETES']), 'versions[0].operator.levels'],
      ['a missing AMO rate', (t: ReturnType<typeof clone>) => delete t.versions[0].amoRatePercent.default, 'versions[0].amoRatePercent.default'],
    ])('names the field of %s', (_what, spoil, field) => {
      const table = clone();
      spoil(table);
      const error = errorOf(table);
      expect(error.field).toBe(field);
      expect(error.message).toContain(field);
    });

    it('refuses versions that overlap, or appear twice', () => {
      const table = clone();
      table.versions.push({ ...table.versions[0], version: '2026-04', validFrom: '2026-04-01' });
      expect(errorOf(table).field).toBe('versions[1].validFrom');
      const twice = clone();
      twice.versions[0].validUntil = '2026-03-31';
      twice.versions.push({ ...twice.versions[0], validFrom: '2026-04-01', validUntil: null });
      expect(errorOf(twice).field).toBe('versions[1].version');
    });

    it('refuses what is not a table', () => expect(errorOf(null).field).toBe('(root)'));
  });

  describe('tariffInForce', () => {
    it('is the version holding the period’s last day, when the tariff changed mid-month', () => {
      const table = tableChangingOn('2026-04-15', { version: '2026-04-15', operatorCents: 3000 });
      expect(tariffInForce(table, periodOf('2026-04'))?.version).toBe('2026-04-15');
      expect(tariffInForce(table, periodOf('2026-03'))?.version).toBe('2023-07');
      expect(tariffInForce(tableChangingOn('2026-04-30', { version: 'last-day', operatorCents: 3000 }), periodOf('2026-04'))?.version).toBe('last-day');
      expect(tariffInForce(tableChangingOn('2026-05-01', { version: 'may', operatorCents: 3000 }), periodOf('2026-04'))?.version).toBe('2023-07');
    });

    it('is null before the first version', () => expect(tariffInForce(TARIFFS, periodOf('2023-06'))).toBeNull());
  });

  describe('technicalTranche', () => {
    it.each([
      [0, 0, 5000],
      [4999, 0, 5000],
      [4999.99, 0, 5000],
      [5000, 5000, 4583],
      [7999, 5000, 4583],
      [8000, 8000, 4167],
    ])('gives %p patients the tranche from %p (%p cents)', (patients, fromPatients, amountCents) =>
      expect(technicalTranche(REFERENCE, patients)).toEqual({ fromPatients, amountCents }));

    it.each([
      [40000, 40000],
      [59999, 50000],
      [70000, 60000],
      [100000, 80000],
      [150000, 100001],
    ])('never goes below the floor of 2,083 cents (%p patients, tranche from %p)', (patients, fromPatients) =>
      expect(technicalTranche(REFERENCE, patients)).toEqual({ fromPatients, amountCents: 2083 }));

    it('applies the floor of the version', () => {
      const lower = tableChangingOn('2026-01-01', { version: 'lower-floor', operatorCents: 2800, floorCents: 1000 }).versions[1];
      expect(technicalTranche(lower, 150000)).toEqual({ fromPatients: 100001, amountCents: 1253 });
    });
  });
});
