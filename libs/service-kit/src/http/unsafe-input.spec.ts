import { findUnsafeInput, unsafeStringCode, UNSAFE_INPUT_CODES } from './unsafe-input';

/** `levels` objects nested in each other under the key `a`; the innermost holds `leaf`. */
const nestedObjects = (levels: number, leaf: unknown = 1): unknown => {
  let value = leaf;
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
};
const nestedArrays = (levels: number): unknown => {
  let value: unknown = [];
  for (let i = 1; i < levels; i++) value = [value];
  return value;
};
const fields = (value: unknown) => findUnsafeInput(value).map((detail) => [detail.field, detail.code]);

describe('unsafeStringCode', () => {
  it.each([
    ['plain ASCII', 'Cardio Watch 2'],
    ['accents and other scripts', 'Hôpital Européen, 東京, Ελλάδα'],
    ['a surrogate pair (an emoji)', 'ok 😀 ok'],
    ['several pairs in a row', '😀🎉👍'],
    ['the empty string', ''],
    ['U+FFFD, what a bad UTF-8 byte decodes to', '\ufffd'],
    ['other control characters (Postgres takes them)', 'tab\there\u0001'],
  ])('takes %s', (_label, text) => {
    expect(unsafeStringCode(text)).toBeUndefined();
  });

  it.each([
    ['U+0000 alone', '\u0000', UNSAFE_INPUT_CODES.nul],
    ['U+0000 inside a string', 'a\u0000b', UNSAFE_INPUT_CODES.nul],
    ['a lone high surrogate', '\ud800', UNSAFE_INPUT_CODES.unpairedSurrogate],
    ['a lone low surrogate', '\udc00', UNSAFE_INPUT_CODES.unpairedSurrogate],
    ['a high surrogate at the end', 'abc\ud83d', UNSAFE_INPUT_CODES.unpairedSurrogate],
    ['a low surrogate at the start', '\ude00abc', UNSAFE_INPUT_CODES.unpairedSurrogate],
    ['a pair written backwards', '\ude00\ud83d', UNSAFE_INPUT_CODES.unpairedSurrogate],
    ['a valid pair followed by a lone high one', '😀\ud83d', UNSAFE_INPUT_CODES.unpairedSurrogate],
    ['two high surrogates', '\ud83d\ud83d\ude00', UNSAFE_INPUT_CODES.unpairedSurrogate],
  ])('refuses %s', (_label, text, code) => {
    expect(unsafeStringCode(text)).toBe(code);
  });
});

describe('findUnsafeInput', () => {
  it('finds nothing in a well-formed body, emoji and deep-enough nesting included', () => {
    expect(findUnsafeInput({ name: 'pump 😀', patient: { nir: '1', ald: true }, items: [1, null, 'x', [{}]] })).toEqual([]);
    expect(findUnsafeInput(undefined)).toEqual([]);
    expect(findUnsafeInput(42)).toEqual([]);
  });

  it('names a bad value by its path: nested fields, arrays of objects, array items', () => {
    expect(
      fields({
        patient: { nir: '1\u0000' },
        overrides: [{ justification: 'fine' }, { justification: '\ud800' }],
        items: ['a', 'b', 'c', 'd\udfff'],
      }),
    ).toEqual([
      ['patient.nir', UNSAFE_INPUT_CODES.nul],
      ['overrides[1].justification', UNSAFE_INPUT_CODES.unpairedSurrogate],
      ['items[3]', UNSAFE_INPUT_CODES.unpairedSurrogate],
    ]);
  });

  it('names items of a top-level array by index', () => {
    expect(fields(['ok', ['\u0000']])).toEqual([['[1][0]', UNSAFE_INPUT_CODES.nul]]);
  });

  it('checks object keys too, quoting the key with the refused characters escaped', () => {
    const details = findUnsafeInput({ patient: { ['na\u0000me']: 'x', ['\ud800']: 'y' } });
    expect(details.map((d) => [d.field, d.code])).toEqual([
      ['patient["na\\u0000me"]', UNSAFE_INPUT_CODES.nul],
      ['patient["\\ud800"]', UNSAFE_INPUT_CODES.unpairedSurrogate],
    ]);
    expect(details[0].message).toBe('the name of patient["na\\u0000me"] must not contain the character U+0000');
    // The answer never carries the refused characters back raw.
    expect(details.flatMap((d) => [d.field ?? '', d.message]).map((text) => unsafeStringCode(text))).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('gives a field with a bad key and a bad value one detail, for the key', () => {
    expect(fields({ ['k\u0000']: '\u0000' })).toEqual([['["k\\u0000"]', UNSAFE_INPUT_CODES.nul]]);
  });

  it('quotes keys that a dot would make ambiguous, and leaves plain ones dotted', () => {
    expect(fields({ 'a.b': '\u0000', '0': '\u0000', prénom: '\u0000', 'x-y_z$': '\u0000' })).toEqual([
      ['["0"]', UNSAFE_INPUT_CODES.nul],
      ['["a.b"]', UNSAFE_INPUT_CODES.nul],
      ['prénom', UNSAFE_INPUT_CODES.nul],
      ['x-y_z$', UNSAFE_INPUT_CODES.nul],
    ]);
  });

  it('takes nesting of exactly 32 levels and refuses 33, naming the container past the limit', () => {
    expect(findUnsafeInput(nestedObjects(32))).toEqual([]);
    expect(findUnsafeInput(nestedArrays(32))).toEqual([]);
    expect(findUnsafeInput(nestedObjects(33))).toEqual([
      { field: Array(32).fill('a').join('.'), code: UNSAFE_INPUT_CODES.tooDeep, message: expect.stringContaining('deeper than 32 levels') },
    ]);
    expect(fields(nestedArrays(33))).toEqual([['[0]'.repeat(32), UNSAFE_INPUT_CODES.tooDeep]]);
  });

  it('counts a string inside the 32nd level as within the limit (only containers nest)', () => {
    expect(findUnsafeInput(nestedObjects(32, 'leaf'))).toEqual([]);
    expect(fields(nestedObjects(32, '\u0000'))).toEqual([[Array(32).fill('a').join('.'), UNSAFE_INPUT_CODES.nul]]);
  });

  it('stops at the limit, so a 5,000-level body is one detail and no deep recursion', () => {
    expect(fields(nestedObjects(5_000))).toEqual([[Array(32).fill('a').join('.'), UNSAFE_INPUT_CODES.tooDeep]]);
    expect(fields({ ok: 1, deep: nestedArrays(5_000) })).toEqual([[`deep${'[0]'.repeat(31)}`, UNSAFE_INPUT_CODES.tooDeep]]);
  });

  it('reports at most 100 details however many strings are bad', () => {
    expect(findUnsafeInput(Array(10_000).fill('\u0000'))).toHaveLength(100);
    expect(findUnsafeInput(Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`k${i}`, '\u0000'])))).toHaveLength(100);
  });

  it('names query fields and repeated query keys as a parsed query string holds them', () => {
    expect(fields({ status: ['DRAFT', 'x\u0000'], page: '1' })).toEqual([['status[1]', UNSAFE_INPUT_CODES.nul]]);
  });

  it('leaves byte buffers alone', () => {
    expect(findUnsafeInput(Buffer.from([0, 0xed, 0xa0, 0x80]))).toEqual([]);
  });
});
