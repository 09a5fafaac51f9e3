import { derivedId } from './derived-id';

describe('derivedId', () => {
  const at = new Date('2026-11-30T08:15:00.000Z');

  it('is the same for the same seed and time, and differs per seed', () => {
    expect(derivedId('a', at)).toBe(derivedId('a', at));
    expect(derivedId('a', at)).not.toBe(derivedId('b', at));
  });

  it('is a UUID v7 stamped with the time', () => {
    const id = derivedId('a', at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at.getTime());
  });
});
