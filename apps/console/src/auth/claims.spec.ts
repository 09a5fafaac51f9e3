import { claimsOf, isConsoleRole, isExpired } from './claims';

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const token = (payload: object) => `${base64url({ alg: 'HS256' })}.${base64url(payload)}.signature`;

describe('claimsOf', () => {
  it("reads a token's role and org, accents included", () => {
    expect(claimsOf(token({ sub: 'opérateur-1', role: 'operator', org: 'op-1', exp: 10 }))).toEqual({ sub: 'opérateur-1', role: 'operator', org: 'op-1', exp: 10 });
  });

  it('refuses what is not a token with a subject and a role', () => {
    expect(claimsOf('not a token')).toBeUndefined();
    expect(claimsOf(token({ role: 'vendor' }))).toBeUndefined();
    expect(claimsOf('a.%%%.c')).toBeUndefined();
  });

  it('knows the roles that have a console, and expiry', () => {
    expect(isConsoleRole('claims_processor')).toBe(true);
    expect(isConsoleRole('patient')).toBe(false);
    expect(isExpired({ sub: 's', role: 'vendor', exp: 100 }, 100_000)).toBe(true);
    expect(isExpired({ sub: 's', role: 'vendor', exp: 101 }, 100_000)).toBe(false);
  });
});
