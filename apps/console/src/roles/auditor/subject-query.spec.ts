import { normalizeSubject } from './subject-query';

describe('normalizeSubject: the subject search as the API takes it', () => {
  it('trims, lower-cases the kind and a UUID or pseudonym', () => {
    expect(normalizeSubject('  Device:0190C0DE-0000-7000-8000-00000000D001 ')).toBe('device:0190c0de-0000-7000-8000-00000000d001');
    expect(normalizeSubject(`patient: ${'AB'.repeat(32)}`)).toBe(`patient:${'ab'.repeat(32)}`);
  });

  it('leaves what is not a subject for the API to refuse, naming the field', () => {
    expect(normalizeSubject('nonsense')).toBe('nonsense');
    expect(normalizeSubject('device:Not-A-Uuid')).toBe('device:Not-A-Uuid');
  });
});
