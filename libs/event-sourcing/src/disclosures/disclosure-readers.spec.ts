import { assertMayAskForDisclosures, mayReadDisclosure } from './disclosure-readers';

describe('who reads a disclosed text', () => {
  const physician = { role: 'physician', rpps: '10012345678' };

  it('gives auditors every text, even one with no reader named', () => {
    expect(mayReadDisclosure({ role: 'auditor' }, [])).toBe(true);
  });

  it('gives a physician the texts that name them or every physician, and no other', () => {
    expect(mayReadDisclosure(physician, ['physician:10012345678'])).toBe(true);
    expect(mayReadDisclosure(physician, ['physician:*'])).toBe(true);
    expect(mayReadDisclosure(physician, ['physician:10099999999'])).toBe(false);
    expect(mayReadDisclosure(physician, [])).toBe(false);
    expect(mayReadDisclosure({ role: 'physician' }, ['physician:*'])).toBe(false);
  });

  it('refuses every other role before anything is read, and gives them nothing', () => {
    for (const role of ['vendor', 'evaluator', 'patient', 'operator', 'admin']) {
      expect(() => assertMayAskForDisclosures({ role })).toThrow(expect.objectContaining({ code: 'AUTH.FORBIDDEN', kind: 'forbidden' }));
      expect(mayReadDisclosure({ role }, ['physician:*', `${role}:x`])).toBe(false);
    }
    expect(() => assertMayAskForDisclosures(physician)).not.toThrow();
  });
});
