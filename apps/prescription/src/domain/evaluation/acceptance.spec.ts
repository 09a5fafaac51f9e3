import { evaluatePrescription } from './evaluate-prescription';
import { acceptance } from './acceptance';
import { certifiedDevice, evaluationInput, REFERENTIAL_2026_1 } from '../prescription.fixtures';

const radioOnlyAtPoorCoverage = evaluationInput({
  device: certifiedDevice({ connectivity: ['CELLULAR_4G'] }),
  patient: { birthDate: '1958-06-01', homeCellularCoverage: 'POOR', ald: true },
});

describe('evaluation and acceptance', () => {
  it('runs every rule of the referential, in its order', () => {
    const evaluation = evaluatePrescription(evaluationInput(), REFERENTIAL_2026_1);
    expect(evaluation.referentialVersion).toBe('2026.1');
    expect(evaluation.results.map((r) => r.ruleId)).toEqual(REFERENTIAL_2026_1.rules);
    expect(evaluation.results.every((r) => r.outcome === 'PASS')).toBe(true);
    expect(acceptance(evaluation, [])).toEqual({ accepted: true, blocked: [], unjustified: [], overrides: [] });
  });

  it('refuses a WARN without a justification, or with one under 20 characters', () => {
    const evaluation = evaluatePrescription(radioOnlyAtPoorCoverage, REFERENTIAL_2026_1);
    expect(acceptance(evaluation, [])).toMatchObject({ accepted: false, unjustified: ['HOME_COVERAGE'] });
    expect(acceptance(evaluation, [{ ruleId: 'HOME_COVERAGE', justification: '  too short, sorry  ' }])).toMatchObject({
      accepted: false,
    });
  });

  it('accepts a justified WARN and records only the overrides that answer a warning', () => {
    const evaluation = evaluatePrescription(radioOnlyAtPoorCoverage, REFERENTIAL_2026_1);
    const justification = 'Patient will install a home gateway next week';
    const verdict = acceptance(evaluation, [
      { ruleId: 'HOME_COVERAGE', justification },
      { ruleId: 'DURATION', justification: 'not a warning, nothing to override' },
    ]);
    expect(verdict).toEqual({ accepted: true, blocked: [], unjustified: [], overrides: [{ ruleId: 'HOME_COVERAGE', justification }] });
  });

  it('never lets a justification override a BLOCK', () => {
    const evaluation = evaluatePrescription(evaluationInput({ durationMonths: 9 }), REFERENTIAL_2026_1);
    const verdict = acceptance(evaluation, [{ ruleId: 'DURATION', justification: 'the patient really needs nine months' }]);
    expect(verdict).toMatchObject({ accepted: false, blocked: ['DURATION'] });
  });
});
