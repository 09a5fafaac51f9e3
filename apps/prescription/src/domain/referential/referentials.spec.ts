import { HAS_RULES } from '../has-rules/has-rules';
import { INDICATION_CODES } from '../vocabulary';
import { referentialByVersion, referentialInForce, referentialVersions } from './referentials';

describe('HAS referentials', () => {
  it('keeps version 2026.1 as data, in force from 2026-01-01', () => {
    expect(referentialVersions()).toContain('2026.1');
    expect(referentialInForce('2026-11-28').version).toBe('2026.1');
    expect(referentialByVersion('1999.1')).toBeUndefined();
  });

  it.each(referentialVersions())('version %s names only implemented rules and covers every indication', (version) => {
    const referential = referentialByVersion(version);
    expect(referential?.rules.filter((ruleId) => !HAS_RULES[ruleId])).toEqual([]);
    expect(Object.keys(referential?.indications ?? {}).sort()).toEqual([...INDICATION_CODES].sort());
  });

  it('holds the specialties and durations of DOMAIN.md', () => {
    const referential = referentialByVersion('2026.1');
    expect(referential?.durations).toEqual({ firstMaxMonths: 6, renewalMaxMonths: 12 });
    expect(referential?.indications.DIABETES.specialties).toEqual(['endocrinology', 'general_practice']);
    expect(referential?.indications.CHRONIC_RESPIRATORY_FAILURE.specialties).toEqual(['pulmonology']);
    expect(referential?.indications.CHRONIC_KIDNEY_FAILURE.specialties).toEqual(['nephrology']);
  });
});
