import { DomainError } from '@app/contracts';
import { actOnEachDue } from './act-on-each-due';

describe('actOnEachDue', () => {
  it('returns the ids acted on and reports domain refusals without stopping', async () => {
    const refused: string[] = [];
    const done = await actOnEachDue(
      ['a', 'b', 'c'],
      async (id) => {
        if (id === 'b') throw new DomainError('X.GONE', 'already done', 'conflict');
      },
      (id, error) => refused.push(`${id}:${error.code}`),
    );
    expect(done).toEqual(['a', 'c']);
    expect(refused).toEqual(['b:X.GONE']);
  });

  it('fails on anything that is not a domain refusal', async () => {
    await expect(actOnEachDue(['a'], async () => Promise.reject(new Error('database down')), () => undefined)).rejects.toThrow(
      'database down',
    );
  });
});
