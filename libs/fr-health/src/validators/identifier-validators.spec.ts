import { validate } from 'class-validator';
import { IsLppCode, IsNir, IsRpps, IsSiret, IsUdiDi } from './index';

class SampleDto {
  @IsNir() nir!: unknown;
  @IsSiret() siret!: unknown;
  @IsRpps() rpps!: unknown;
  @IsLppCode() lppCode!: unknown;
  @IsUdiDi({ message: 'custom udi message' }) udiDi!: unknown;
}

const build = (values: Partial<SampleDto>): SampleDto =>
  Object.assign(new SampleDto(), {
    nir: '1 84 03 75 123 456 90',
    siret: '12345678200010',
    rpps: '10012345673',
    lppCode: '1612544',
    udiDi: '03412345678900',
    ...values,
  });

describe('identifier validators', () => {
  it('accept valid identifiers', async () => {
    expect(await validate(build({}))).toEqual([]);
  });

  it('report each bad field with the check reason as its message', async () => {
    const errors = await validate(
      build({ nir: '184037512345691', siret: '12345678200011', rpps: '123', lppCode: 7, udiDi: '03412345678901' }),
    );
    const byField = Object.fromEntries(errors.map((e) => [e.property, Object.values(e.constraints ?? {})[0]]));
    expect(byField).toEqual({
      nir: 'NIR key (last 2) does not match the 13 first characters',
      siret: 'SIRET fails its Luhn check',
      rpps: 'RPPS must be exactly 11 digits; got 3 characters',
      lppCode: 'LPP code must be a string',
      udiDi: 'custom udi message',
    });
    expect(errors.find((e) => e.property === 'nir')?.constraints).toHaveProperty('isNir');
  });
});
