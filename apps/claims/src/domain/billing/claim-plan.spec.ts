import type { ClaimCreatedV1, IndicationCode } from '@app/contracts';
import {
  APRIL,
  BILLING_RUN_ID,
  CLAIM_ID,
  CORRECTIVE_CLAIM_ID,
  DEVICE_ID,
  ENROLMENT_ID,
  EXPLOITANT_SIRET,
  IDENTITY_ENCRYPTED,
  OPERATOR_ORG,
  PRESCRIPTION_ID,
  PSEUDONYM,
  REFERENCE,
  RENEWAL_ID,
  deviceFacts,
  enrolmentFacts,
  paris,
  periodOf,
  planInput,
  prescriptionFact,
  step,
  tableChangingOn,
  withSteps,
} from './billing.fixtures';
import { planClaim, type ClaimPlan, type ClaimPlanInput } from './claim-plan';

const claimOf = (plan: ClaimPlan): ClaimCreatedV1 => {
  if (plan.kind !== 'CLAIM') throw new Error(`expected a claim, got ${JSON.stringify(plan)}`);
  return plan.claim;
};
const plan = (overrides: Partial<ClaimPlanInput> = {}) => planClaim(planInput(overrides));
/** Consent first, then monitoring from a Paris midnight of April (summer time). */
const activeFrom = (day: string) => ({ timeline: [step('CONSENT_GIVEN', '2026-03-16T10:00:00.000Z'), step('ACTIVATED', paris(`${day}T00:00`, 2))] });

describe('planClaim', () => {
  it('claims a month of monitoring: two flat lines to their payees, the days, the tariff and the file active it used', () =>
    expect(plan()).toEqual({
      kind: 'CLAIM',
      rejection: null,
      claim: {
        claimId: CLAIM_ID,
        enrolmentId: ENROLMENT_ID,
        prescriptionId: PRESCRIPTION_ID,
        prescriptionIds: [PRESCRIPTION_ID],
        prescriberRpps: ['10012345673'],
        device: { id: DEVICE_ID, udiDi: '03612345678904', lppCode: '1612544' },
        patient: { pseudonym: PSEUDONYM, identityEncrypted: IDENTITY_ENCRYPTED },
        indication: 'HEART_FAILURE',
        ald: true,
        period: '2026-04',
        billableDates: Array.from({ length: 30 }, (_, i) => `2026-04-${String(i + 1).padStart(2, '0')}`),
        billableDays: 30,
        lines: [
          { kind: 'OPERATOR', code: 'TVB', payee: OPERATOR_ORG, amountCents: 2800, amoShareCents: 2800 },
          { kind: 'TECHNICAL', code: '1612544', payee: EXPLOITANT_SIRET, amountCents: 5000, amoShareCents: 5000 },
        ],
        totalCents: 7800,
        amoShareCents: 7800,
        patientShareCents: 0,
        amoRatePercent: 100,
        tariffVersion: '2023-07',
        fileActive: { semester: '2026-04', patients: 0, trancheFromPatients: 0, trancheCents: 5000 },
        correctionOf: null,
        billingRunId: BILLING_RUN_ID,
        createdAt: '2026-05-02T00:05:00.000Z',
      },
    }));

  describe('the amounts of a month, for each indication', () => {
    it.each([
      // indication, LPP code, ALD, file active, [operator, technical], [AMO operator, AMO technical], total, AMO, patient
      ['HEART_FAILURE', '1612544', true, 0, ['TVB', 2800, 5000], [2800, 5000], 7800, 7800, 0],
      ['CHRONIC_RESPIRATORY_FAILURE', '1659468', false, 0, ['TVB', 2800, 5000], [1680, 3000], 7800, 4680, 3120],
      ['CHRONIC_KIDNEY_FAILURE', '1668102', false, 5000, ['TVB', 2800, 4583], [1680, 2750], 7383, 4430, 2953],
      ['DIABETES', '1654962', true, 12000, ['TVB', 2800, 3750], [2800, 3750], 6550, 6550, 0],
      ['DIABETES', '1694358', false, 45000, ['TVB', 2800, 2083], [1680, 1250], 4883, 2930, 1953],
      ['IMPLANTED_CARDIAC_DEVICE', '1636021', false, 0, ['TVA', 1100, 5000], [660, 3000], 6100, 3660, 2440],
      ['IMPLANTED_CARDIAC_DEVICE', '1636021', true, 200000, ['TVA', 1100, 2083], [1100, 2083], 3183, 3183, 0],
    ] as Array<[IndicationCode, string, boolean, number, [string, number, number], [number, number], number, number, number]>)(
      '%s (LPP %s, ALD %p, file active %p)',
      (indication, lppCode, ald, patients, [code, operatorCents, technicalCents], [operatorAmo, technicalAmo], totalCents, amoShareCents, patientShareCents) => {
        const claim = claimOf(plan({ enrolment: enrolmentFacts({ indication, ald }), device: deviceFacts({ lppCode }), fileActive: { semester: '2026-04', patients } }));
        expect(claim.lines).toEqual([
          { kind: 'OPERATOR', code, payee: OPERATOR_ORG, amountCents: operatorCents, amoShareCents: operatorAmo },
          { kind: 'TECHNICAL', code: lppCode, payee: EXPLOITANT_SIRET, amountCents: technicalCents, amoShareCents: technicalAmo },
        ]);
        expect(claim).toMatchObject({ totalCents, amoShareCents, patientShareCents, amoRatePercent: ald ? 100 : 60 });
      },
    );

    it('prices the technical line by the tranche of the previous semester’s file active: 4,999 and 5,000 patients', () => {
      const technical = (patients: number) => claimOf(plan({ fileActive: { semester: '2026-04', patients } })).lines[1].amountCents;
      expect(technical(4999)).toBe(5000);
      expect(technical(4999.5)).toBe(5000);
      expect(technical(5000)).toBe(4583);
      expect(claimOf(plan({ fileActive: { semester: '2026-04', patients: 5000 } })).fileActive).toEqual({
        semester: '2026-04',
        patients: 5000,
        trancheFromPatients: 5000,
        trancheCents: 4583,
      });
      // Above 100,000 patients the grid says 1,253 cents; the floor says 2,083.
      expect(technical(150000)).toBe(2083);
    });

    it('does not prorate: 10 days bill what 30 do', () => {
      const ten = claimOf(plan({ enrolment: enrolmentFacts(activeFrom('2026-04-21')) }));
      expect(ten.billableDays).toBe(10);
      expect(ten.totalCents).toBe(7800);
    });
  });

  describe('the minimum of billable days', () => {
    it('claims a month with exactly the minimum', () => expect(plan({ enrolment: enrolmentFacts(activeFrom('2026-04-21')) })).toMatchObject({ kind: 'CLAIM', rejection: null, claim: { billableDays: 10 } }));

    it('skips a month with one day fewer', () => expect(plan({ enrolment: enrolmentFacts(activeFrom('2026-04-22')) })).toEqual({ kind: 'SKIP', reason: 'BELOW_MINIMUM_DAYS' }));

    it('follows the configured minimum', () => expect(plan({ enrolment: enrolmentFacts(activeFrom('2026-04-22')), minimumDays: 9 })).toMatchObject({ kind: 'CLAIM' }));
  });

  describe('skips', () => {
    const noConsent = withSteps(['CONSENT_WITHDRAWN', '2026-03-25T10:00:00.000Z'], ['SUSPENDED', '2026-03-25T10:00:00.000Z']);

    it('an enrolment already claimed for the month, first', () =>
      expect(plan({ alreadyClaimed: true, enrolment: enrolmentFacts({ ...noConsent, rightsStatus: 'CLOSED' }) })).toEqual({ kind: 'SKIP', reason: 'ALREADY_CLAIMED' }));

    it('one without a consent in force at any moment of the month, before closed rights', () =>
      expect(plan({ enrolment: enrolmentFacts({ ...noConsent, rightsStatus: 'CLOSED' }) })).toEqual({ kind: 'SKIP', reason: 'NO_CONSENT' }));

    it('one whose rights are closed, before counting days', () =>
      expect(plan({ enrolment: enrolmentFacts({ ...activeFrom('2026-04-29'), rightsStatus: 'CLOSED' }) })).toEqual({ kind: 'SKIP', reason: 'RIGHTS_CLOSED' }));

    it('not one whose consent was withdrawn during the month: it is below the minimum', () =>
      expect(plan({ enrolment: enrolmentFacts(withSteps(['CONSENT_WITHDRAWN', paris('2026-04-03T10:00', 2)], ['SUSPENDED', paris('2026-04-03T10:00', 2)])) })).toEqual({
        kind: 'SKIP',
        reason: 'BELOW_MINIMUM_DAYS',
      }));

    it('a month without a device known here (no certification, no day)', () => expect(plan({ device: null })).toEqual({ kind: 'SKIP', reason: 'BELOW_MINIMUM_DAYS' }));
  });

  describe('the operator fee (R162-100: 12 months at most per prescription)', () => {
    const longPrescription = (extra: ReturnType<typeof prescriptionFact>[] = []) =>
      enrolmentFacts({ prescriptions: [prescriptionFact({ endDate: '2027-12-31' }), ...extra], prescriptionIds: [PRESCRIPTION_ID, ...extra.map((p) => p.prescriptionId)] });
    const kinds = (period: string, enrolment = longPrescription()) => claimOf(plan({ period: periodOf(period), enrolment })).lines.map((line) => line.kind);

    it('is billed for a month starting less than 12 months after the prescription started', () => expect(kinds('2027-03')).toEqual(['OPERATOR', 'TECHNICAL']));

    it('is omitted from the month starting 12 months or more after it', () => {
      expect(kinds('2027-04')).toEqual(['TECHNICAL']);
      expect(claimOf(plan({ period: periodOf('2027-04'), enrolment: longPrescription() })).totalCents).toBe(5000);
    });

    it('is billed again under a new prescription', () => {
      const renewal = prescriptionFact({ prescriptionId: RENEWAL_ID, startDate: '2027-03-15', endDate: '2027-09-14' });
      expect(kinds('2027-04', longPrescription([renewal]))).toEqual(['OPERATOR', 'TECHNICAL']);
      expect(claimOf(plan({ period: periodOf('2027-04'), enrolment: longPrescription([renewal]) })).prescriptionId).toBe(RENEWAL_ID);
    });
  });

  describe('the tariff version', () => {
    it('is the one in force on the last day of the period, when it changed mid-month', () => {
      const claim = claimOf(plan({ tariffs: tableChangingOn('2026-04-15', { version: '2026-04-15', operatorCents: 3000 }) }));
      expect(claim.tariffVersion).toBe('2026-04-15');
      expect(claim.lines[0]).toMatchObject({ code: 'TVB', amountCents: 3000 });
      expect(claimOf(plan({ tariffs: tableChangingOn('2026-05-01', { version: '2026-05', operatorCents: 3000 }) })).tariffVersion).toBe('2023-07');
    });

    it('rejects the claim TARIFF_MISMATCH when none is in force, or the device’s code is not listed for the indication', () => {
      const none = plan({ tariffs: { versions: [{ ...REFERENCE, validFrom: '2026-05-01' }] } });
      expect(none).toMatchObject({ kind: 'CLAIM', rejection: { reasonCode: 'TARIFF_MISMATCH' }, claim: { lines: [], totalCents: 0, tariffVersion: 'none' } });
      expect(plan({ device: deviceFacts({ lppCode: '1659468' }) })).toMatchObject({ kind: 'CLAIM', rejection: { reasonCode: 'TARIFF_MISMATCH' } });
      expect(plan({ device: deviceFacts({ lppCode: null }) })).toMatchObject({ kind: 'CLAIM', rejection: { reasonCode: 'TARIFF_MISMATCH' } });
    });
  });

  it('rejects IDENTITY_UNKNOWN a claim of a patient whose data was erased', () =>
    expect(plan({ enrolment: enrolmentFacts({ identityEncrypted: null }) })).toMatchObject({
      kind: 'CLAIM',
      rejection: { reasonCode: 'IDENTITY_UNKNOWN' },
      claim: { patient: { pseudonym: PSEUDONYM, identityEncrypted: '' } },
    }));

  describe('a correction', () => {
    const correcting = { correctionOf: CLAIM_ID, alreadyClaimed: true, ids: { claimId: CORRECTIVE_CLAIM_ID, billingRunId: BILLING_RUN_ID } };

    it('is a full claim naming the one it corrects, though the key is taken', () =>
      expect(plan({ ...correcting, enrolment: enrolmentFacts({ incidents: [] }) })).toMatchObject({
        kind: 'CLAIM',
        rejection: null,
        claim: { claimId: CORRECTIVE_CLAIM_ID, correctionOf: CLAIM_ID, billableDays: 30, totalCents: 7800 },
      }));

    it('is never skipped for its days: below the minimum it is rejected NOT_BILLABLE_DAYS', () =>
      expect(plan({ ...correcting, enrolment: enrolmentFacts(activeFrom('2026-04-22')) })).toMatchObject({
        kind: 'CLAIM',
        rejection: { reasonCode: 'NOT_BILLABLE_DAYS' },
        claim: { correctionOf: CLAIM_ID, billableDays: 9 },
      }));

    it('is rejected, not skipped, when the consent or the rights no longer hold', () => {
      const noConsent = withSteps(['CONSENT_WITHDRAWN', '2026-03-25T10:00:00.000Z']);
      expect(plan({ ...correcting, enrolment: enrolmentFacts(noConsent) })).toMatchObject({ kind: 'CLAIM', rejection: { reasonCode: 'NO_CONSENT' } });
      expect(plan({ ...correcting, enrolment: enrolmentFacts({ rightsStatus: 'CLOSED' }) })).toMatchObject({ kind: 'CLAIM', rejection: { reasonCode: 'RIGHTS_CLOSED' } });
    });
  });

  it('bills the April of the fixtures with the period it is given', () => expect(claimOf(plan({ period: APRIL })).period).toBe('2026-04'));
});
