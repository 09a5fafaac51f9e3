import { DomainError, ERROR_CODES } from '@app/contracts';
import { principalFromClaims } from './principal-from-claims';

const exp = 2_000_000_000;
const PSEUDONYM = 'a'.repeat(64);

function refusal(claims: unknown): DomainError {
  try {
    principalFromClaims(claims);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('claims were accepted');
}

describe('principalFromClaims', () => {
  it('keeps the claims each role needs', () => {
    expect(principalFromClaims({ sub: 'u1', role: 'vendor', exp, org: '12345678200010' })).toEqual({
      sub: 'u1',
      role: 'vendor',
      org: '12345678200010',
    });
    expect(principalFromClaims({ sub: 'u2', role: 'physician', exp, rpps: '10012345673', specialty: 'cardiology' })).toEqual({
      sub: 'u2',
      role: 'physician',
      rpps: '10012345673',
      specialty: 'cardiology',
    });
    expect(principalFromClaims({ sub: 'u3', role: 'patient', exp, pseudonym: PSEUDONYM })).toEqual({
      sub: 'u3',
      role: 'patient',
      pseudonym: PSEUDONYM,
    });
    expect(principalFromClaims({ sub: 'u4', role: 'evaluator', exp, org: 'gmed' })).toMatchObject({ org: 'gmed' });
    expect(principalFromClaims({ sub: 'u5', role: 'operator', exp, org: 'op-1' })).toMatchObject({ org: 'op-1' });
  });

  it('drops claims that do not belong to the role', () => {
    const principal = principalFromClaims({ sub: 'u6', role: 'auditor', exp, org: '12345678200010', rpps: '10012345673', pseudonym: PSEUDONYM });
    expect(principal).toEqual({ sub: 'u6', role: 'auditor' });
  });

  it.each([
    ['a non-object payload', 'hello', /JSON object/],
    ['a missing sub', { role: 'admin', exp }, /'sub' is required/],
    ['an unknown role', { sub: 'u', role: 'root', exp }, /'role' must be one of .*got "root"/],
    ['a missing exp', { sub: 'u', role: 'admin' }, /'exp' is required/],
    ['a vendor without org', { sub: 'u', role: 'vendor', exp }, /'org' is required for role vendor/],
    ['a vendor whose org is not a SIRET', { sub: 'u', role: 'vendor', exp, org: '12345678200011' }, /SIRET: SIRET fails its Luhn/],
    ['an evaluator without org', { sub: 'u', role: 'evaluator', exp, org: ' ' }, /'org' is required for role evaluator/],
    ['an operator without org', { sub: 'u', role: 'operator', exp }, /'org' is required for role operator/],
    ['a physician without rpps', { sub: 'u', role: 'physician', exp, specialty: 'cardiology' }, /'rpps' is required/],
    ['a physician with a 10-digit rpps', { sub: 'u', role: 'physician', exp, rpps: '1001234567', specialty: 'cardiology' }, /11 digits/],
    ['a physician without specialty', { sub: 'u', role: 'physician', exp, rpps: '10012345673' }, /'specialty' is required/],
    ['a patient without pseudonym', { sub: 'u', role: 'patient', exp }, /'pseudonym' is required/],
    ['a patient carrying a NIR as pseudonym', { sub: 'u', role: 'patient', exp, pseudonym: '184037512345690' }, /'pseudonym'/],
  ])('refuses %s with AUTH.TOKEN_INVALID', (_label, claims, message) => {
    const error = refusal(claims);
    expect(error.code).toBe(ERROR_CODES.authInvalid);
    expect(error.kind).toBe('unauthenticated');
    expect(error.message).toMatch(message);
  });
});
