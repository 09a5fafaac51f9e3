import { parseJsonPointer, resolveJsonPointer, toJsonPointer } from './json-pointer';

describe('RFC 6901 JSON pointers', () => {
  const entry = { evidence: { events: [{ data: { reason: { commitment: 'c' } } }], 'a/b': { 'm~n': 1 } } };

  it('writes tokens with ~0 and ~1 and reads them back', () => {
    expect(toJsonPointer(['evidence', 'events', 0, 'data', 'reason'])).toBe('/evidence/events/0/data/reason');
    expect(toJsonPointer(['evidence', 'a/b', 'm~n'])).toBe('/evidence/a~1b/m~0n');
    expect(parseJsonPointer('/evidence/a~1b/m~0n')).toEqual(['evidence', 'a/b', 'm~n']);
    // ~01 is "~1" once decoded, not "/": ~1 is replaced first.
    expect(parseJsonPointer('/~01')).toEqual(['~1']);
  });

  it('resolves object keys and array indexes', () => {
    expect(resolveJsonPointer(entry, '/evidence/events/0/data/reason')).toEqual({ found: true, value: { commitment: 'c' } });
    expect(resolveJsonPointer(entry, '/evidence/a~1b/m~0n')).toEqual({ found: true, value: 1 });
    expect(resolveJsonPointer(entry, '')).toEqual({ found: true, value: entry });
  });

  it.each([
    ['a missing key', '/evidence/events/0/data/note'],
    ['an index past the end', '/evidence/events/1'],
    ['an index with a leading zero', '/evidence/events/00'],
    ['the "-" index', '/evidence/events/-'],
    ['a key of an inherited property', '/evidence/toString'],
    ['a pointer without its leading slash', 'evidence/events'],
    ['a bad escape', '/evidence/a~2b'],
    ['a trailing tilde', '/evidence/a~'],
  ])('finds nothing for %s', (_label, pointer) => {
    expect(resolveJsonPointer(entry, pointer)).toEqual({ found: false });
  });
});
