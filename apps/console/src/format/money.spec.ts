import { formatEuros } from './money';

// Intl separates thousands and the euro sign with narrow or plain no-break spaces: compare on plain spaces.
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

describe('formatEuros', () => {
  it('shows cents as euros, French by default conventions', () => {
    expect(plain(formatEuros(1999, 'fr'))).toBe('19,99 €');
    expect(plain(formatEuros(5000, 'fr'))).toBe('50,00 €');
    expect(plain(formatEuros(123456789, 'fr'))).toBe('1 234 567,89 €');
    expect(plain(formatEuros(7, 'fr'))).toBe('0,07 €');
  });

  it('in English', () => {
    expect(formatEuros(1999, 'en')).toBe('€19.99');
    expect(formatEuros(123456789, 'en')).toBe('€1,234,567.89');
  });

  it('keeps a credit negative', () => {
    expect(plain(formatEuros(-2550, 'fr'))).toBe('-25,50 €');
  });

  it('refuses what is not integer cents', () => {
    expect(() => formatEuros(19.5, 'fr')).toThrow(RangeError);
    expect(() => formatEuros(Number.NaN, 'fr')).toThrow(RangeError);
  });
});
