import { AppendCombiner, type AppendStatements } from './append-combiner';
import type { AppendRequest, AppendResult } from './event-store.types';
import { VersionConflictError } from './version-conflict.error';

const request = (streamId: string, expectedVersion = 1, combinable = true): AppendRequest =>
  ({ streamId, streamType: 't', expectedVersion, events: [{}], outbox: [], auditEntry: undefined, combinable }) as unknown as AppendRequest;

/** Statements that answer when told to, recording what was asked of them. */
function fakeStatements(moved: (request: AppendRequest) => boolean = () => true, busy: (request: AppendRequest) => boolean = () => false) {
  const calls: string[][] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const pending: Array<() => void> = [];
  const hold = async <T>(value: () => T): Promise<T> => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise<void>((resolve) => pending.push(resolve));
    inFlight -= 1;
    return value();
  };
  const statements: AppendStatements & { failTogether?: boolean } = {
    combinable: (r) => (r as unknown as { combinable: boolean }).combinable,
    alone: (r) => {
      calls.push([r.streamId]);
      return hold<AppendResult>(() => {
        if (!moved(r)) throw new VersionConflictError(r.streamId, r.expectedVersion);
        return { nextVersion: r.expectedVersion + 1, auditSeq: null };
      });
    },
    together: (rs) => {
      calls.push(rs.map((r) => r.streamId));
      return hold(() => {
        if (statements.failTogether) throw new Error('statement failed');
        return {
          moved: new Map(rs.flatMap((r, i) => (moved(r) && !busy(r) ? [[i, 7] as [number, number]] : []))),
          busy: new Set(rs.flatMap((r, i) => (busy(r) ? [i] : []))),
        };
      });
    },
  };
  const releaseAll = async () => {
    while (pending.length > 0) {
      pending.splice(0).forEach((release) => release());
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return { statements, calls, releaseAll, maxInFlight: () => maxInFlight };
}

describe('AppendCombiner', () => {
  it('sends an append alone when a statement is free', async () => {
    const fake = fakeStatements();
    const result = new AppendCombiner(fake.statements, 2).append(request('s:1'));
    await fake.releaseAll();
    expect(await result).toEqual({ nextVersion: 2, auditSeq: null });
    expect(fake.calls).toEqual([['s:1']]);
  });

  it('writes the appends that waited for a statement together, never more statements at once than allowed', async () => {
    const fake = fakeStatements();
    const combiner = new AppendCombiner(fake.statements, 2);
    const results = ['a', 'b', 'c', 'd', 'e'].map((id) => combiner.append(request(`s:${id}`)));
    await fake.releaseAll();
    await Promise.all(results);
    expect(fake.calls).toEqual([['s:a'], ['s:b'], ['s:c', 's:d', 's:e']]);
    expect(fake.maxInFlight()).toBe(2);
  });

  it('never puts two appends to one stream in one statement, and keeps their order', async () => {
    const fake = fakeStatements();
    const combiner = new AppendCombiner(fake.statements, 1);
    const results = ['x', 'y', 'x', 'z', 'x'].map((id, n) => combiner.append(request(`s:${id}`, n + 1)));
    await fake.releaseAll();
    await Promise.all(results);
    expect(fake.calls).toEqual([['s:x'], ['s:y', 's:x', 's:z'], ['s:x']]);
  });

  it('sends an append that may not share a statement alone, in its turn', async () => {
    const fake = fakeStatements();
    const combiner = new AppendCombiner(fake.statements, 1);
    const results = [request('s:a'), request('s:b', 0, false), request('s:c'), request('s:d')].map((r) => combiner.append(r));
    await fake.releaseAll();
    await Promise.all(results);
    expect(fake.calls).toEqual([['s:a'], ['s:b'], ['s:c', 's:d']]);
  });

  it('gives a stream that did not move its conflict, and retries alone a new stream that already existed', async () => {
    const fake = fakeStatements((r) => r.streamId === 's:ok');
    const combiner = new AppendCombiner(fake.statements, 1);
    const [first, ok, stale, fresh] = [request('s:first'), request('s:ok'), request('s:stale', 3), request('s:fresh', 0)].map((r) =>
      combiner.append(r).catch((error: unknown) => error),
    );
    await fake.releaseAll();
    expect(await first).toBeInstanceOf(VersionConflictError);
    expect(await ok).toEqual({ nextVersion: 2, auditSeq: null });
    expect(await stale).toMatchObject({ streamId: 's:stale', expectedVersion: 3 });
    expect(await fresh).toBeInstanceOf(VersionConflictError);
    expect(fake.calls).toEqual([['s:first'], ['s:ok', 's:stale', 's:fresh'], ['s:fresh']]);
  });

  it('sends alone an append whose stream another transaction had locked', async () => {
    // The shared statement skips the locked stream; alone, the append waits for the lock and goes through.
    const fake = fakeStatements(() => true, (r) => r.streamId === 's:locked');
    const combiner = new AppendCombiner(fake.statements, 1);
    const results = ['first', 'other', 'locked'].map((id) => combiner.append(request(`s:${id}`)));
    await fake.releaseAll();
    expect(await Promise.all(results)).toEqual(results.map(() => ({ nextVersion: 2, auditSeq: null })));
    expect(fake.calls).toEqual([['s:first'], ['s:other', 's:locked'], ['s:locked']]);
  });

  it('runs each append of a failed shared statement again alone, so an error is only its own', async () => {
    const fake = fakeStatements((r) => r.streamId !== 's:bad');
    fake.statements.failTogether = true;
    const combiner = new AppendCombiner(fake.statements, 1);
    const results = ['first', 'good', 'bad', 'also-good'].map((id) => combiner.append(request(`s:${id}`)).catch((error: unknown) => error));
    await fake.releaseAll();
    expect(await Promise.all(results)).toEqual([
      { nextVersion: 2, auditSeq: null },
      { nextVersion: 2, auditSeq: null },
      expect.any(VersionConflictError),
      { nextVersion: 2, auditSeq: null },
    ]);
    expect(fake.calls).toEqual([['s:first'], ['s:good', 's:bad', 's:also-good'], ['s:good'], ['s:bad'], ['s:also-good']]);
  });

  it('refuses a concurrency below one', () => {
    expect(() => new AppendCombiner(fakeStatements().statements, 0)).toThrow(/at least 1/);
  });
});
