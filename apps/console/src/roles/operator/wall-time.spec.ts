import { ApiError } from '../../api/api-error';
import { wallTimeToInstant } from './wall-time';

describe('wallTimeToInstant: a typed Paris time as the API instant', () => {
  it('reads the wall time in Paris, winter and summer', () => {
    expect(wallTimeToInstant('2026-01-15T09:30', 'signedAt', 'bad')).toBe('2026-01-15T08:30:00.000Z');
    expect(wallTimeToInstant('2026-07-15T09:30', 'signedAt', 'bad')).toBe('2026-07-15T07:30:00.000Z');
  });

  it('gives nothing for an empty optional field', () => {
    expect(wallTimeToInstant('  ', 'activatedAt', 'bad')).toBeUndefined();
  });

  it('refuses an empty required field or garbage as a 400 naming the field', () => {
    for (const [value, required] of [['', true], ['2026-13', false]] as const) {
      let thrown: unknown;
      try {
        wallTimeToInstant(value, 'items[2].at', 'Date et heure attendues', required);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ApiError);
      expect((thrown as ApiError).status).toBe(400);
      expect((thrown as ApiError).problemFor('items[2].at')).toBe('Date et heure attendues');
    }
  });
});
