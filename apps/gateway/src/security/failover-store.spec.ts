import { MemoryStore, type Options, type Store } from 'express-rate-limit';
import { FailoverStore } from './failover-store';

/** A shared count that answers or not, as told. */
class SwitchableStore implements Store {
  up = true;
  hits = new Map<string, number>();

  async increment(key: string) {
    if (!this.up) throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
    const totalHits = (this.hits.get(key) ?? 0) + 1;
    this.hits.set(key, totalHits);
    return { totalHits, resetTime: new Date(Date.now() + 60_000) };
  }
  async decrement() {}
  async resetKey() {}
}

describe('the rate limit count when Redis goes away', () => {
  const events: string[] = [];
  const listener = { sharedFailed: (e: unknown) => events.push(`failed: ${(e as Error).message}`), sharedRecovered: () => events.push('recovered') };
  let shared: SwitchableStore;
  let store: FailoverStore;

  beforeEach(() => {
    events.length = 0;
    shared = new SwitchableStore();
    store = new FailoverStore(shared, new MemoryStore(), listener);
    store.init({ windowMs: 60_000 } as Options);
  });

  afterEach(() => store.shutdown());

  it('counts in the shared store while it answers', async () => {
    await store.increment('k');
    expect((await store.increment('k')).totalHits).toBe(2);
    expect(shared.hits.get('k')).toBe(2);
    expect(events).toEqual([]);
  });

  it('keeps counting, on this replica, while it does not: the limit still holds, nothing throws', async () => {
    shared.up = false;
    expect((await store.increment('k')).totalHits).toBe(1);
    expect((await store.increment('k')).totalHits).toBe(2);
    expect((await store.increment('k')).totalHits).toBe(3);
    expect(events).toEqual(['failed: connect ECONNREFUSED 127.0.0.1:6379', 'failed: connect ECONNREFUSED 127.0.0.1:6379', 'failed: connect ECONNREFUSED 127.0.0.1:6379']);
  });

  it('goes back to the shared count, once, when it answers again', async () => {
    shared.up = false;
    await store.increment('k');
    shared.up = true;
    expect((await store.increment('k')).totalHits).toBe(1);
    await store.increment('k');
    expect(events).toEqual(['failed: connect ECONNREFUSED 127.0.0.1:6379', 'recovered']);
  });
});
