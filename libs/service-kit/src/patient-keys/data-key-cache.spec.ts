import { randomBytes } from 'node:crypto';
import { DataKeyCache } from './data-key-cache';

const stored = (masterVersion = 1) => ({ masterVersion, wrapped: randomBytes(60) });
const P = (n: number) => String(n).padStart(64, '0');

describe('DataKeyCache', () => {
  let now = 0;
  const cache = (maxPatients = 3, ttlMs = 1000) => new DataKeyCache({ ttlMs, maxPatients }, () => now);
  beforeEach(() => (now = 0));

  it('serves a key for the exact wrapped bytes it was unwrapped from, and no other', () => {
    const c = cache();
    const s = stored();
    const key = randomBytes(32);
    c.set(P(1), 1, s, key);
    expect(c.get(P(1), 1, s)).toBe(key);
    expect(c.get(P(1), 2, s)).toBeUndefined();
    // Re-wrapped, or issued anew after a rollback: the database's bytes differ, the cached key is not served.
    expect(c.get(P(1), 1, { masterVersion: 2, wrapped: s.wrapped })).toBeUndefined();
    c.set(P(1), 1, s, key);
    expect(c.get(P(1), 1, stored())).toBeUndefined();
    expect(c.size).toBe(0);
  });

  it('forgets a key after its time to live', () => {
    const c = cache();
    const s = stored();
    c.set(P(1), 1, s, randomBytes(32));
    now = 999;
    expect(c.get(P(1), 1, s)).toBeDefined();
    now = 1000;
    expect(c.get(P(1), 1, s)).toBeUndefined();
  });

  it('keeps at most maxPatients, dropping the least recently used', () => {
    const c = cache(2);
    const [s1, s2, s3] = [stored(), stored(), stored()];
    c.set(P(1), 1, s1, randomBytes(32));
    c.set(P(2), 1, s2, randomBytes(32));
    expect(c.get(P(1), 1, s1)).toBeDefined();
    c.set(P(3), 1, s3, randomBytes(32));
    expect(c.size).toBe(2);
    expect(c.get(P(2), 1, s2)).toBeUndefined();
    expect(c.get(P(1), 1, s1)).toBeDefined();
    expect(c.get(P(3), 1, s3)).toBeDefined();
  });

  it('forgets every generation of a patient at once, and caches nothing with a size of 0', () => {
    const c = cache();
    const [a, b] = [stored(), stored()];
    c.set(P(1), 1, a, randomBytes(32));
    c.set(P(1), 2, b, randomBytes(32));
    c.forget(P(1));
    expect([c.get(P(1), 1, a), c.get(P(1), 2, b)]).toEqual([undefined, undefined]);
    const none = cache(0);
    none.set(P(1), 1, a, randomBytes(32));
    expect(none.size).toBe(0);
  });
});
