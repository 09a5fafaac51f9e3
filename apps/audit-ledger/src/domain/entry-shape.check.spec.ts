import { entryShapeProblem } from './entry-shape.check';

const good = { id: '0190c0de-0000-7000-8000-000000000001', occurredAt: '2026-01-01T00:00:00.000Z', streamVersion: 1, prevHash: '0'.repeat(64) };

describe('entryShapeProblem', () => {
  it('accepts an entry the ledger can index', () => {
    expect(entryShapeProblem(good, 's')).toBeNull();
  });

  it.each<[string, unknown, unknown, string]>([
    ['not an object', [1], 's', 'no entry object'],
    ['a bad id', { ...good, id: 'x' }, 's', 'no UUID id'],
    ['a bad time', { ...good, occurredAt: 'yesterday' }, 's', 'no ISO 8601 occurredAt'],
    ['a fractional version', { ...good, streamVersion: 1.5 }, 's', 'no integer streamVersion'],
    ['no prevHash', { ...good, prevHash: undefined }, 's', 'no prevHash'],
    ['no stream', good, '', 'no streamId on the envelope'],
  ])('refuses %s', (_case, entry, streamId, problem) => {
    expect(entryShapeProblem(entry, streamId)).toBe(problem);
  });
});
