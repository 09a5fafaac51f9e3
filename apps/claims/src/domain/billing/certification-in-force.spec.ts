import { certificationFact, deviceFacts } from './billing.fixtures';
import { certificationTimes } from './certification-in-force';

const ms = (instant: string) => Date.parse(instant);
const times = (...steps: Parameters<typeof certificationFact>[0][]) =>
  certificationTimes(deviceFacts({ certification: steps.map((overrides, i) => certificationFact({ version: i + 1, ...overrides })) }));
const event = (kind: 'SUSPENDED' | 'REVOKED' | 'REINSTATED' | 'EXPIRED', at: string, validUntil: string | null = null) => ({ kind, at, validFrom: null, validUntil });

describe('certificationTimes', () => {
  const FROM = '2026-01-05T10:00:00.000Z';
  const UNTIL = '2029-01-05T10:00:00.000Z';

  it('is in force from validFrom to validUntil', () => expect(times({})).toEqual([{ start: ms(FROM), end: ms(UNTIL) }]));

  it('starts at the event instant without a validFrom', () =>
    expect(times({ validFrom: null, at: '2026-02-01T00:00:00.000Z' })).toEqual([{ start: ms('2026-02-01T00:00:00.000Z'), end: ms(UNTIL) }]));

  it('closes at a suspension and reopens at the reinstatement until the last validUntil', () =>
    expect(times({}, event('SUSPENDED', '2026-03-01T00:00:00.000Z'), event('REINSTATED', '2026-03-10T00:00:00.000Z'))).toEqual([
      { start: ms(FROM), end: ms('2026-03-01T00:00:00.000Z') },
      { start: ms('2026-03-10T00:00:00.000Z'), end: ms(UNTIL) },
    ]));

  it('closes for good at a revocation', () => expect(times({}, event('REVOKED', '2026-03-01T00:00:00.000Z'))).toEqual([{ start: ms(FROM), end: ms('2026-03-01T00:00:00.000Z') }]));

  it('closes at validUntil when it expires, and a recertification opens new terms', () =>
    expect(
      times(
        { validUntil: '2026-06-01T00:00:00.000Z' },
        event('EXPIRED', '2026-06-01T00:01:00.000Z', '2026-06-01T00:00:00.000Z'),
        { kind: 'RECERTIFIED', at: '2026-06-10T00:00:00.000Z', validFrom: '2026-06-10T00:00:00.000Z', validUntil: UNTIL },
      ),
    ).toEqual([
      { start: ms(FROM), end: ms('2026-06-01T00:00:00.000Z') },
      { start: ms('2026-06-10T00:00:00.000Z'), end: ms(UNTIL) },
    ]));

  it('ignores a reinstatement while in force, and knows nothing of a device it never saw', () => {
    expect(times({}, event('REINSTATED', '2026-03-10T00:00:00.000Z'))).toEqual([{ start: ms(FROM), end: ms(UNTIL) }]);
    expect(certificationTimes(null)).toEqual([]);
  });
});
