import { ApiError } from './api-error';
import { problemsUnder } from './field-problems';

const refusal = new ApiError(422, 'DEVICE.CERTIFICATION_RULES_FAILED', 'cannot certify', [
  { field: 'certifiedIndications[0]', code: 'INDICATION_NOT_DECLARED', message: 'DIABETES is not among the indications declared' },
  { field: 'certifiedIndications[1]', code: 'INDICATION_NOT_DECLARED', message: 'DIABETES is not among the indications declared' },
  { field: 'certifiedIndicationsNote', code: 'X', message: 'another field' },
  { field: 'lppCode', code: 'LPP_CODE_INVALID', message: 'lppCode must be 7 digits' },
], undefined);

describe("a checkbox group's problems", () => {
  it('gathers what the API said of the array and of its items, once each', () => {
    expect(problemsUnder(refusal, 'certifiedIndications')).toBe('DIABETES is not among the indications declared');
    const empty = new ApiError(400, 'REQUEST.INVALID', 'Invalid request', [{ field: 'indications', code: 'ARRAY_NOT_EMPTY', message: 'indications should not be empty' }], undefined);
    expect(problemsUnder(empty, 'indications')).toBe('indications should not be empty');
  });

  it('says nothing of another field, nor for an error that is not an API answer', () => {
    expect(problemsUnder(refusal, 'connectivity')).toBeUndefined();
    expect(problemsUnder(new Error('network down'), 'certifiedIndications')).toBeUndefined();
  });
});
