import { gs1CheckDigit, luhnValid } from './check-digits';
import { validateLppCode } from './lpp';
import { validateRpps } from './rpps';
import { sirenOf, validateSiret } from './siret';
import { validateUdiDi } from './udi-di';

const reasonOf = (result: { ok: boolean; reason?: string }) => (result.ok ? 'ok' : result.reason);

describe('Luhn', () => {
  it('accepts a valid number and rejects any single changed digit', () => {
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('79927398714')).toBe(false);
    expect(luhnValid('79927398703')).toBe(false);
  });
});

describe('SIRET', () => {
  it.each(['73282932000074', '12345678200010'])('accepts %s', (siret) => {
    expect(validateSiret(siret)).toEqual({ ok: true, value: siret });
    expect(sirenOf(siret)).toBe(siret.slice(0, 9));
  });

  it('rejects a failing Luhn check', () => {
    expect(reasonOf(validateSiret('73282932000075'))).toMatch(/Luhn/);
    expect(reasonOf(validateSiret('73282932000047'))).toMatch(/Luhn/);
  });

  it('rejects wrong lengths and non-digits', () => {
    expect(reasonOf(validateSiret('7328293200007'))).toMatch(/14 digits/);
    expect(reasonOf(validateSiret('732 829 320 00074'))).toMatch(/14 digits/);
    expect(reasonOf(validateSiret(73282932000074))).toMatch(/string/);
  });

  it('checks La Poste SIRETs by digit sum, its head office by Luhn', () => {
    expect(validateSiret('35600000049837').ok).toBe(true); // digit sum 45
    expect(luhnValid('35600000049837')).toBe(false);
    expect(validateSiret('35600000000048').ok).toBe(true);
    expect(reasonOf(validateSiret('35600000049838'))).toMatch(/multiple of 5/);
  });
});

describe('RPPS and LPP', () => {
  it('RPPS is exactly 11 digits', () => {
    expect(validateRpps('10012345673')).toEqual({ ok: true, value: '10012345673' });
    expect(reasonOf(validateRpps('1001234567'))).toMatch(/11 digits/);
    expect(reasonOf(validateRpps('1001234567A'))).toMatch(/11 digits/);
    expect(reasonOf(validateRpps(null))).toMatch(/string/);
  });

  it('LPP is exactly 7 digits', () => {
    expect(validateLppCode('1612544').ok).toBe(true);
    expect(reasonOf(validateLppCode('161254'))).toMatch(/7 digits/);
    expect(reasonOf(validateLppCode('16125440'))).toMatch(/7 digits/);
  });
});

describe('UDI-DI', () => {
  it('computes GS1 check digits', () => {
    expect(gs1CheckDigit('950600013435')).toBe(2);
    expect(gs1CheckDigit('0341234567890')).toBe(0);
  });

  it.each(['03412345678900', '9506000134352', '036000291452', '96385074'])('accepts GTIN %s', (gtin) => {
    expect(validateUdiDi(gtin)).toEqual({ ok: true, value: gtin });
  });

  it.each([
    ['wrong check digit', '03412345678901', /check digit/],
    ['11 digits', '12345678901', /8, 12, 13 or 14 digits/],
    ['letters without an agency prefix', 'ABC12345678901', /8, 12, 13 or 14 digits/],
    ['malformed HIBCC', '+1ABC123', /HIBCC/],
    ['lowercase HIBCC', '+habc12345', /HIBCC/],
    ['too short ICCBBA', '=A1', /ICCBBA/],
  ])('rejects %s', (_label, value, reason) => {
    expect(reasonOf(validateUdiDi(value))).toMatch(reason);
  });

  it('accepts HIBCC and ICCBBA identifiers by shape', () => {
    expect(validateUdiDi('+H123PRODUCT1').ok).toBe(true);
    expect(validateUdiDi('=/A9999XYZ100T0944').ok).toBe(true);
  });
});
