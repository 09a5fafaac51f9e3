import { parseTokenArgs, parseTtl, UsageError } from './token-args';

describe('parseTokenArgs', () => {
  it('reads every flag, with "--flag value" and "--flag=value"', () => {
    expect(
      parseTokenArgs(['--role', 'physician', '--rpps=10012345673', '--specialty', 'general_practice', '--sub', 'me', '--ttl', '30m']),
    ).toEqual({ role: 'physician', rpps: '10012345673', specialty: 'general_practice', sub: 'me', ttlSeconds: 1800 });
    expect(parseTokenArgs(['--role', 'patient', '--nir', '1 84 03 75 123 456 90'])).toMatchObject({ nir: '1 84 03 75 123 456 90' });
  });

  it.each([
    [[], /--role is required/],
    [['--role', 'root'], /unknown role root/],
    [['--role', 'vendor', '--org', '12345678200011'], /--org: SIRET fails its Luhn/],
    [['--role', 'physician', '--rpps', '123'], /--rpps: RPPS must be exactly 11 digits/],
    [['--role', 'patient', '--nir', '184037512345691'], /--nir: NIR key/],
    [['--role', 'physician', '--specialty', 'Cardio Logy'], /--specialty/],
    [['--role', 'admin', '--colour', 'red'], /unknown argument --colour/],
    [['--role'], /--role needs a value/],
    [['--role', 'admin', '--ttl', '8 hours'], /--ttl/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseTokenArgs(argv)).toThrow(UsageError);
    expect(() => parseTokenArgs(argv)).toThrow(message);
  });

  it('parses durations', () => {
    expect(parseTtl('45s')).toBe(45);
    expect(parseTtl('8h')).toBe(28_800);
    expect(parseTtl('12h')).toBe(43_200);
    expect(() => parseTtl('2d')).toThrow('--ttl must be at most 12h');
    expect(() => parseTtl('721m')).toThrow(UsageError);
    expect(() => parseTtl('0h')).toThrow(UsageError);
  });
});
