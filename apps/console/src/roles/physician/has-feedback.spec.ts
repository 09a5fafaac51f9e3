import type { Evaluation } from './api-types';
import { hasFeedback, MIN_JUSTIFICATION_LENGTH, overridesOf } from './has-feedback';

const evaluation = (outcomes: Record<string, 'PASS' | 'WARN' | 'BLOCK'>): Evaluation => ({
  referentialVersion: '2026.1',
  results: Object.entries(outcomes).map(([ruleId, outcome]) => ({ ruleId, outcome, message: `${ruleId} says ${outcome}` })),
});

describe('the HAS feedback display model', () => {
  it('keeps the rules in the referential order, counts outcomes, and a BLOCK forbids issuing', () => {
    const feedback = hasFeedback(evaluation({ DEVICE_CERTIFIED: 'PASS', PATIENT_ELIGIBILITY: 'BLOCK', HOME_COVERAGE: 'WARN' }), {
      HOME_COVERAGE: 'Patient installs a home Wi-Fi gateway',
    });
    expect(feedback.rows.map((row) => row.ruleId)).toEqual(['DEVICE_CERTIFIED', 'PATIENT_ELIGIBILITY', 'HOME_COVERAGE']);
    expect(feedback.counts).toEqual({ PASS: 1, WARN: 1, BLOCK: 1 });
    expect(feedback.blocking).toEqual(['PATIENT_ELIGIBILITY']);
    expect(feedback.toJustify).toEqual([]);
    expect(feedback.canIssue).toBe(false);
    expect(feedback.referentialVersion).toBe('2026.1');
  });

  it('asks a justification of each WARN only, of at least 20 characters once trimmed', () => {
    const warned = evaluation({ DEVICE_CERTIFIED: 'PASS', HOME_COVERAGE: 'WARN', ADULT_PATIENT: 'WARN' });
    const nineteen = 'x'.repeat(MIN_JUSTIFICATION_LENGTH - 1);
    const feedback = hasFeedback(warned, { HOME_COVERAGE: `  ${nineteen}   `, ADULT_PATIENT: 'y'.repeat(20) });
    expect(feedback.rows[0].justification).toBeUndefined();
    expect(feedback.rows[1].justification).toEqual({ text: `  ${nineteen}   `, missing: 1, justified: false });
    expect(feedback.rows[2].justification).toMatchObject({ missing: 0, justified: true });
    expect(feedback.toJustify).toEqual(['HOME_COVERAGE']);
    expect(feedback.canIssue).toBe(false);

    const done = hasFeedback(warned, { HOME_COVERAGE: `${nineteen}z`, ADULT_PATIENT: 'y'.repeat(20) });
    expect(done.toJustify).toEqual([]);
    expect(done.canIssue).toBe(true);
  });

  it('an unanswered WARN misses all 20 characters', () => {
    const feedback = hasFeedback(evaluation({ HOME_COVERAGE: 'WARN' }), {});
    expect(feedback.rows[0].justification).toEqual({ text: '', missing: 20, justified: false });
    expect(feedback.toJustify).toEqual(['HOME_COVERAGE']);
  });

  it('decides nothing on an answer to an older state of the form', () => {
    const allPass = evaluation({ DEVICE_CERTIFIED: 'PASS', DURATION: 'PASS' });
    expect(hasFeedback(allPass, {}, true).canIssue).toBe(true);
    expect(hasFeedback(allPass, {}, false).canIssue).toBe(false);
  });

  it('sends the trimmed justifications of the warnings as overrides, and nothing for a rule that does not warn', () => {
    const feedback = hasFeedback(evaluation({ HOME_COVERAGE: 'WARN', ADULT_PATIENT: 'WARN', DURATION: 'PASS' }), {
      HOME_COVERAGE: '  The operator supplies a Wi-Fi gateway  ',
      ADULT_PATIENT: '   ',
      DURATION: 'not asked for, not sent',
    });
    expect(overridesOf(feedback)).toEqual([{ ruleId: 'HOME_COVERAGE', justification: 'The operator supplies a Wi-Fi gateway' }]);
  });
});
