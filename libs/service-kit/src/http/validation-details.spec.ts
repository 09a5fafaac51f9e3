import { ERROR_CODES } from '@app/contracts';
import { plainToInstance, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsString, MinLength, ValidateNested, validateSync } from 'class-validator';
import { constraintCode, validationErrorsToDetails } from './validation-details';
import { validationFailure } from './validation-pipe';

class OverrideDto {
  @IsString() ruleId!: string;
  @IsString() @MinLength(20) justification!: string;
}
class PatientDto {
  @IsString() nir!: string;
  @IsBoolean() ald!: boolean;
}
class PrescriptionDto {
  @ValidateNested() @Type(() => PatientDto) patient!: PatientDto;
  @IsIn(['PERIODIC', 'CRITICAL_ALERTS']) monitoringMode!: string;
  @ValidateNested({ each: true }) @Type(() => OverrideDto) overrides!: OverrideDto[];
}

const validate = (body: object) =>
  validateSync(plainToInstance(PrescriptionDto, body), { whitelist: true, forbidNonWhitelisted: true });

const valid = {
  patient: { nir: '1', ald: true },
  monitoringMode: 'PERIODIC',
  overrides: [{ ruleId: 'R1', justification: 'a justification long enough' }],
};

describe('validationErrorsToDetails', () => {
  it('finds nothing in a valid body', () => {
    expect(validationErrorsToDetails(validate(valid))).toEqual([]);
  });

  it('names nested fields with dots and array elements with indexes', () => {
    const details = validationErrorsToDetails(
      validate({
        ...valid,
        patient: { nir: 1, ald: true },
        overrides: [valid.overrides[0], { ruleId: 'R2', justification: 'short' }],
      }),
    );
    expect(details).toEqual([
      { field: 'patient.nir', code: 'IS_STRING', message: 'nir must be a string' },
      {
        field: 'overrides[1].justification',
        code: 'MIN_LENGTH',
        message: 'justification must be longer than or equal to 20 characters',
      },
    ]);
  });

  it('gives one detail per bad field, all its problems in the message', () => {
    const details = validationErrorsToDetails(validate({ ...valid, overrides: [{ ruleId: 'R1' }] }));
    expect(details).toHaveLength(1);
    expect(details[0].field).toBe('overrides[0].justification');
    expect(details[0].message).toContain('must be a string');
    expect(details[0].message).toContain('longer than or equal to 20');
  });

  it('names unknown fields, nested ones included', () => {
    const details = validationErrorsToDetails(validate({ ...valid, extra: 1, patient: { ...valid.patient, name: 'x' } }));
    expect(details.map((d) => [d.field, d.code])).toEqual(
      expect.arrayContaining([
        ['extra', 'UNKNOWN_FIELD'],
        ['patient.name', 'UNKNOWN_FIELD'],
      ]),
    );
  });

  it('names a missing top-level field', () => {
    const { monitoringMode: _omitted, ...body } = valid;
    expect(validationErrorsToDetails(validate(body)).map((d) => d.field)).toEqual(['monitoringMode']);
  });
});

describe('validationFailure', () => {
  it('is a 400 REQUEST.VALIDATION_FAILED with the API.md error body', () => {
    const exception = validationFailure(validate({ ...valid, monitoringMode: 'SOMETIMES' }));
    expect(exception.getStatus()).toBe(400);
    expect(exception.getResponse()).toEqual({
      error: {
        code: ERROR_CODES.validationFailed,
        message: 'Invalid request: monitoringMode',
        details: [{ field: 'monitoringMode', code: 'IS_IN', message: expect.stringContaining('monitoringMode') }],
      },
    });
  });
});

describe('constraintCode', () => {
  it.each([
    ['isNotEmpty', 'IS_NOT_EMPTY'],
    ['minLength', 'MIN_LENGTH'],
    ['isUUID', 'IS_UUID'],
    ['whitelistValidation', 'UNKNOWN_FIELD'],
  ])('%s -> %s', (constraint, code) => {
    expect(constraintCode(constraint)).toBe(code);
  });
});
