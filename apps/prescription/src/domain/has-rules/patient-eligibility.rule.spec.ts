import { evaluationInput, REFERENTIAL_2026_1 } from '../prescription.fixtures';
import type { IndicationCode } from '../vocabulary';
import { patientEligibility } from './patient-eligibility.rule';

const check = (indication: IndicationCode, clinical: Record<string, unknown>) =>
  patientEligibility(evaluationInput({ indication, clinical }), REFERENTIAL_2026_1);

describe('PATIENT_ELIGIBILITY', () => {
  describe('HEART_FAILURE: NYHA II-IV and (hospitalised within 12 months or NT-proBNP >= 1000 or BNP >= 100)', () => {
    it.each([
      [{ nyhaClass: 2, hospitalisedForHfWithin12Months: true }],
      [{ nyhaClass: 4, hospitalisedForHfWithin12Months: true }],
      [{ nyhaClass: 3, ntProBnpPgMl: 1000 }],
      [{ nyhaClass: 3, bnpPgMl: 100 }],
      [{ nyhaClass: 2, hospitalisedForHfWithin12Months: false, ntProBnpPgMl: 400, bnpPgMl: 150 }],
    ])('passes %j', (clinical) => {
      expect(check('HEART_FAILURE', clinical)).toMatchObject({ ruleId: 'PATIENT_ELIGIBILITY', outcome: 'PASS' });
    });

    it.each([
      [{ nyhaClass: 1, hospitalisedForHfWithin12Months: true }],
      [{ nyhaClass: 5, hospitalisedForHfWithin12Months: true }],
      [{ nyhaClass: 3, hospitalisedForHfWithin12Months: false, ntProBnpPgMl: 999, bnpPgMl: 99 }],
      [{ nyhaClass: 3, hospitalisedForHfWithin12Months: false, ntProBnpPgMl: 500, bnpPgMl: 99.9 }],
    ])('blocks %j as not meeting the criteria', (clinical) => {
      const result = check('HEART_FAILURE', clinical);
      expect(result.outcome).toBe('BLOCK');
      expect(result.message).toMatch(/does not meet the criteria for heart failure/);
    });

    it('blocks an undocumented NYHA class, naming it', () => {
      const result = check('HEART_FAILURE', { hospitalisedForHfWithin12Months: true });
      expect(result).toMatchObject({ outcome: 'BLOCK' });
      expect(result.message).toMatch(/not documented: missing nyhaClass\./);
    });

    it('blocks when no marker is documented, naming the three fields that could satisfy it', () => {
      const result = check('HEART_FAILURE', { nyhaClass: 3 });
      expect(result.message).toMatch(/missing hospitalisedForHfWithin12Months, ntProBnpPgMl, bnpPgMl\./);
    });

    it('asks for the other markers when the one given is below its threshold', () => {
      expect(check('HEART_FAILURE', { nyhaClass: 3, ntProBnpPgMl: 999 }).message).toMatch(
        /not documented: missing hospitalisedForHfWithin12Months, bnpPgMl\./,
      );
    });

    it('still blocks as unmet (not missing) when NYHA is out of range whatever else is missing', () => {
      expect(check('HEART_FAILURE', { nyhaClass: 1 }).message).toMatch(/does not meet/);
    });
  });

  describe('DIABETES: (type 1 or (type 2 and insulin therapy)) and HbA1c >= 8%', () => {
    it.each([
      [{ diabetesType: 1, hba1cPercent: 8 }],
      [{ diabetesType: 1, hba1cPercent: 9.4, insulinTherapy: false }],
      [{ diabetesType: 2, insulinTherapy: true, hba1cPercent: 8.5 }],
    ])('passes %j', (clinical) => {
      expect(check('DIABETES', clinical).outcome).toBe('PASS');
    });

    it.each([
      [{ diabetesType: 1, hba1cPercent: 7.9 }],
      [{ diabetesType: 2, insulinTherapy: false, hba1cPercent: 9 }],
      [{ diabetesType: 2, insulinTherapy: true, hba1cPercent: 7 }],
    ])('blocks %j as not meeting the criteria', (clinical) => {
      expect(check('DIABETES', clinical)).toMatchObject({ outcome: 'BLOCK', message: expect.stringMatching(/does not meet/) });
    });

    it.each([
      [{ diabetesType: 2, hba1cPercent: 9 }, 'insulinTherapy'],
      [{ diabetesType: 1 }, 'hba1cPercent'],
      [{ hba1cPercent: 9 }, 'diabetesType'],
    ])('blocks %j as not documented, naming %s', (clinical, field) => {
      const result = check('DIABETES', clinical);
      expect(result.outcome).toBe('BLOCK');
      expect(result.message).toContain(`not documented: missing ${field}`);
    });
  });

  it.each([
    ['CHRONIC_RESPIRATORY_FAILURE', { longTermOxygenTherapy: true }, 'PASS'],
    ['CHRONIC_RESPIRATORY_FAILURE', { nonInvasiveVentilation: true }, 'PASS'],
    ['CHRONIC_RESPIRATORY_FAILURE', { longTermOxygenTherapy: false, nonInvasiveVentilation: false }, 'BLOCK'],
    ['CHRONIC_KIDNEY_FAILURE', { dialysis: true }, 'PASS'],
    ['CHRONIC_KIDNEY_FAILURE', { kidneyTransplant: true }, 'PASS'],
    ['CHRONIC_KIDNEY_FAILURE', {}, 'BLOCK'],
    ['IMPLANTED_CARDIAC_DEVICE', { implantedDevice: 'ICD' }, 'PASS'],
    ['IMPLANTED_CARDIAC_DEVICE', {}, 'BLOCK'],
  ] as const)('%s with %j: %s', (indication, clinical, outcome) => {
    expect(check(indication, clinical).outcome).toBe(outcome);
  });
});
