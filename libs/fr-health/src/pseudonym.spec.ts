import { createHmac } from 'node:crypto';
import { isPseudonym, patientPseudonym } from './pseudonym';

const NIR = '184037512345690';

describe('patientPseudonym', () => {
  it('is HMAC-SHA256 of the normalised NIR, lowercase hex', () => {
    const expected = createHmac('sha256', 'secret-a').update(NIR).digest('hex');
    expect(patientPseudonym(NIR, 'secret-a')).toBe(expected);
    expect(isPseudonym(expected)).toBe(true);
  });

  it('is stable across spacing and letter case', () => {
    expect(patientPseudonym('1 84 03 75 123 456 90', 'secret-a')).toBe(patientPseudonym(NIR, 'secret-a'));
    expect(patientPseudonym('2 55 08 2a 123 456 46', 's')).toBe(patientPseudonym('255082A12345646', 's'));
  });

  it('depends on the secret and on the NIR', () => {
    expect(patientPseudonym(NIR, 'secret-a')).not.toBe(patientPseudonym(NIR, 'secret-b'));
    expect(patientPseudonym(NIR, 'secret-a')).not.toBe(patientPseudonym('269054958815780', 'secret-a'));
  });

  it('refuses an invalid NIR or an empty secret', () => {
    expect(() => patientPseudonym('184037512345691', 'secret-a')).toThrow(/key/);
    expect(() => patientPseudonym(NIR, '')).toThrow(/secret/);
  });
});
