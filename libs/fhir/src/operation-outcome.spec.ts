import { expectValidFhir } from '@app/testing';
import { ERROR_CODE_SYSTEM, ERROR_DETAIL_CODE_SYSTEM, toOperationOutcome } from './operation-outcome';

describe('an API error as an OperationOutcome', () => {
  it('keeps the code, the message and each bad field, as valid FHIR', () => {
    const outcome = toOperationOutcome(400, {
      error: { code: 'REQUEST.VALIDATION_FAILED', message: 'Invalid search: status', details: [{ field: 'status', code: 'INVALID_VALUE', message: "unknown status 'x'" }] },
    });
    expectValidFhir(outcome);
    expect(outcome.issue).toEqual([
      { severity: 'error', code: 'invalid', details: { coding: [{ system: ERROR_CODE_SYSTEM, code: 'REQUEST.VALIDATION_FAILED' }], text: 'Invalid search: status' } },
      { severity: 'error', code: 'invalid', details: { coding: [{ system: ERROR_DETAIL_CODE_SYSTEM, code: 'INVALID_VALUE' }], text: "unknown status 'x'" }, expression: ['status'] },
    ]);
  });

  it('names the issue type of each status, and a server fault as fatal with its correlation id only', () => {
    const issueOf = (status: number) => toOperationOutcome(status, { error: { code: 'X.Y', message: 'm', details: [] } }).issue[0];
    expect([401, 403, 404, 409, 422, 429].map((status) => issueOf(status).code)).toEqual(['login', 'forbidden', 'not-found', 'conflict', 'business-rule', 'throttled']);
    const fault = toOperationOutcome(500, { error: { code: 'INTERNAL.ERROR', message: 'Internal error', details: [], correlationId: 'c-1' } });
    expectValidFhir(fault);
    expect(fault.issue[0]).toMatchObject({ severity: 'fatal', code: 'exception', diagnostics: 'correlation id c-1' });
    expect(issueOf(503)).toMatchObject({ severity: 'fatal', code: 'transient' });
  });
});
