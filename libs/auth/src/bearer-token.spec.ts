import { ERROR_CODES } from '@app/contracts';
import { bearerToken } from './bearer-token';

describe('bearerToken', () => {
  it('reads the token of a Bearer header, whatever the scheme case', () => {
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerToken('bearer   abc.def.ghi ')).toBe('abc.def.ghi');
  });

  it('reports a missing header as AUTH.TOKEN_MISSING', () => {
    expect(() => bearerToken(undefined)).toThrow(expect.objectContaining({ code: ERROR_CODES.authMissing }));
    expect(() => bearerToken('  ')).toThrow(expect.objectContaining({ code: ERROR_CODES.authMissing }));
  });

  it('reports another scheme or a bare token as AUTH.TOKEN_INVALID', () => {
    for (const header of ['Basic dXNlcjpwYXNz', 'abc.def.ghi', 'Bearer a b']) {
      expect(() => bearerToken(header)).toThrow(expect.objectContaining({ code: ERROR_CODES.authInvalid }));
    }
  });
});
