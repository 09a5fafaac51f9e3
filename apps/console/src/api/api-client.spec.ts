import { ApiError, apiErrorOf } from './api-error';
import { queryString } from './api-client';

describe('the API client', () => {
  it('drops empty query values and encodes the rest', () => {
    expect(queryString({ status: 'SUBMITTED', period: '', page: 2, subject: 'patient:ab cd' })).toBe('?status=SUBMITTED&page=2&subject=patient%3Aab+cd');
    expect(queryString(undefined)).toBe('');
  });

  it("reads API.md's error body, and the field a 400 names", () => {
    const error = apiErrorOf(
      400,
      { error: { code: 'REQUEST.INVALID', message: 'Invalid request', details: [{ field: 'manufacturer.siret', code: 'SIRET', message: 'not a valid SIRET' }] } },
      'Bad Request',
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('REQUEST.INVALID');
    expect(error.problemFor('manufacturer.siret')).toBe('not a valid SIRET');
    expect(error.problemFor('name')).toBeUndefined();
  });

  it('keeps the status when the body is not an API error', () => {
    const error = apiErrorOf(502, '<html>Bad gateway</html>', 'Bad Gateway');
    expect([error.status, error.code, error.message]).toEqual([502, 'HTTP.502', 'Bad Gateway']);
  });
});
