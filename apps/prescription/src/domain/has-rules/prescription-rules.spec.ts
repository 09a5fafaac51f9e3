import { evaluationInput, REFERENTIAL_2026_1 } from '../prescription.fixtures';
import { adultPatient } from './adult-patient.rule';
import { duration } from './duration.rule';
import { evaluatePrescription } from '../evaluation/evaluate-prescription';
import { noDuplicate, withDuplicateBlock } from './no-duplicate.rule';
import { prescriberSpecialty } from './prescriber-specialty.rule';

const R = REFERENTIAL_2026_1;
const RENEWED = '01950000-0000-7000-8000-0000000000a1';

describe('PRESCRIBER_SPECIALTY', () => {
  it('passes a cardiologist for heart failure', () => {
    expect(prescriberSpecialty(evaluationInput(), R)).toMatchObject({ ruleId: 'PRESCRIBER_SPECIALTY', outcome: 'PASS' });
  });

  it('blocks a general practitioner for a first heart failure prescription', () => {
    const input = evaluationInput({ prescriber: { rpps: '10012345673', specialty: 'general_practice' } });
    expect(prescriberSpecialty(input, R)).toMatchObject({ outcome: 'BLOCK', message: expect.stringContaining('cardiology') });
  });

  it('lets a general practitioner renew, but not another specialist', () => {
    const gp = evaluationInput({ renewalOf: RENEWED, prescriber: { rpps: '10012345673', specialty: 'general_practice' } });
    const pulmonologist = evaluationInput({ renewalOf: RENEWED, prescriber: { rpps: '10012345673', specialty: 'pulmonology' } });
    expect(prescriberSpecialty(gp, R).outcome).toBe('PASS');
    expect(prescriberSpecialty(pulmonologist, R).outcome).toBe('BLOCK');
  });

  it('lets a general practitioner prescribe for diabetes', () => {
    const input = evaluationInput({ indication: 'DIABETES', prescriber: { rpps: '10012345673', specialty: 'general_practice' } });
    expect(prescriberSpecialty(input, R).outcome).toBe('PASS');
  });
});

describe('DURATION', () => {
  it.each([
    [1, null, 'PASS'],
    [6, null, 'PASS'],
    [7, null, 'BLOCK'],
    [12, RENEWED, 'PASS'],
    [13, RENEWED, 'BLOCK'],
  ] as const)('%i months (renewal of %s): %s', (durationMonths, renewalOf, outcome) => {
    expect(duration(evaluationInput({ durationMonths, renewalOf }), R).outcome).toBe(outcome);
  });
});

describe('NO_DUPLICATE', () => {
  it('passes when the patient has no issued prescription for the indication', () => {
    expect(noDuplicate(evaluationInput(), R).outcome).toBe('PASS');
  });

  it('blocks when another one is issued', () => {
    expect(noDuplicate(evaluationInput({ issuedForSameIndication: [RENEWED] }), R)).toMatchObject({
      outcome: 'BLOCK',
      message: expect.stringMatching(/already has an issued prescription for heart failure/),
    });
  });

  it('ignores the renewed prescription, not the others', () => {
    const other = '01950000-0000-7000-8000-0000000000a2';
    expect(noDuplicate(evaluationInput({ renewalOf: RENEWED, issuedForSameIndication: [RENEWED] }), R).outcome).toBe('PASS');
    expect(noDuplicate(evaluationInput({ renewalOf: RENEWED, issuedForSameIndication: [RENEWED, other] }), R).outcome).toBe('BLOCK');
  });
});

describe('withDuplicateBlock (the loser of a race)', () => {
  it('turns NO_DUPLICATE into a BLOCK and leaves the other results alone', () => {
    const evaluation = evaluatePrescription(evaluationInput(), R);
    const lost = withDuplicateBlock(evaluation, R, 'HEART_FAILURE');
    expect(lost.results.filter((r) => r.outcome !== 'PASS')).toEqual([
      { ruleId: 'NO_DUPLICATE', outcome: 'BLOCK', message: expect.stringContaining('heart failure') },
    ]);
    expect(lost.results).toHaveLength(evaluation.results.length);
  });
});

describe('ADULT_PATIENT', () => {
  const born = (birthDate: string) => evaluationInput({ patient: { birthDate, homeCellularCoverage: 'GOOD', ald: false } });

  it('passes a patient whose 18th birthday is the prescription date', () => {
    expect(adultPatient(born('2008-03-15'), R).outcome).toBe('PASS');
  });

  it('warns for a patient turning 18 the next day, without giving the age', () => {
    const result = adultPatient(born('2008-03-16'), R);
    expect(result).toMatchObject({ ruleId: 'ADULT_PATIENT', outcome: 'WARN' });
    expect(result.message).not.toMatch(/17/);
  });
});
