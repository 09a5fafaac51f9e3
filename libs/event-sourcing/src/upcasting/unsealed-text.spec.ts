import { EventTypeRegistry } from './event-type-registry';
import { isUnsealedText, unsealedTextUpcaster } from './unsealed-text';

describe('unsealedTextUpcaster', () => {
  const registry = new EventTypeRegistry().upcaster('ThingNoted', 1, unsealedTextUpcaster(['note', 'reasons']));

  it('marks the clear texts of an old event as unsealed, a string or each string of a list', () => {
    const old = { type: 'ThingNoted', schemaVersion: 1, data: { note: 'in clear', reasons: ['a', 'b'], other: 'kept' } };
    expect(registry.upcast(old)).toEqual({
      type: 'ThingNoted',
      schemaVersion: 2,
      data: { note: { unsealed: 'in clear' }, reasons: [{ unsealed: 'a' }, { unsealed: 'b' }], other: 'kept' },
    });
    expect(isUnsealedText({ unsealed: 'x' })).toBe(true);
    expect(isUnsealedText({ commitment: 'c', ciphertext: 'x' })).toBe(false);
  });

  it('leaves an absent field absent, and an event of the current schema untouched', () => {
    expect(registry.upcast({ type: 'ThingNoted', schemaVersion: 1, data: {} }).data).toEqual({});
    const current = { type: 'ThingNoted', schemaVersion: 2, data: { note: { commitment: 'c', ciphertext: 'x' } } };
    expect(registry.upcast(current)).toBe(current);
  });
});
