import { nirKey, normaliseNir, validateNir } from './nir';

// Valid NIRs built for the tests; their keys were checked independently.
const MAINLAND = '184037512345690';
const CORSICA_2A = '255082A12345646';
const CORSICA_2B = '169012B04512358';
const OVERSEAS = '185079710101233';

describe('NIR', () => {
  it.each([MAINLAND, CORSICA_2A, CORSICA_2B, OVERSEAS, '269054958815780'])('accepts %s', (nir) => {
    expect(validateNir(nir)).toEqual({ ok: true, nir });
  });

  it('removes spaces and upper-cases the Corsican letter', () => {
    expect(normaliseNir(' 2 55 08 2a 123 456 46 ')).toBe(CORSICA_2A);
    expect(validateNir('1 84 03 75 123 456 90')).toEqual({ ok: true, nir: MAINLAND });
  });

  it('computes the key with 2A read as 19 and 2B as 18', () => {
    expect(nirKey('255082A123456')).toBe(97 - Number(2550819123456n % 97n));
    expect(nirKey('169012B045123')).toBe(97 - Number(1690118045123n % 97n));
  });

  it.each([
    ['wrong key', '184037512345691', /key .* does not match/],
    ['2A with the key of 2B', '255082A12345658', /does not match/],
    ['sex digit 5', '584037512345690', /sex digit/],
    ['sex digit 0', '084037512345690', /sex digit/],
    ['month 00', '184007512345690', /month/],
    ['month 13', '184137512345690', /month/],
    ['month 43', '184437512345690', /month/],
    ['department 00', '184030012345690', /department/],
    ['department 96', '184039612345690', /department/],
    ['department 2C', '184032C12345690', /department/],
    ['letters in the order number', '1840375123A5690', /commune and order/],
    ['14 characters', '18403751234569', /15 characters/],
    ['16 characters', '1840375123456901', /15 characters/],
    ['empty', '', /15 characters/],
  ])('rejects %s', (_label, nir, reason) => {
    const result = validateNir(nir);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it.each(['3840375123456', '7842075123456', '8849975123456', '1841275123456', '1845075123456'])(
    'accepts temporary-number sex digits and unknown-month ranges (%s + key)',
    (first13) => {
      const nir = first13 + String(nirKey(first13)).padStart(2, '0');
      expect(validateNir(nir).ok).toBe(true);
    },
  );

  it('rejects non-strings and never echoes the input in the reason', () => {
    expect(validateNir(184037512345690)).toEqual({ ok: false, reason: 'NIR must be a string' });
    const result = validateNir('184037512345691');
    expect(!result.ok && result.reason).not.toContain('1840375');
  });
});
