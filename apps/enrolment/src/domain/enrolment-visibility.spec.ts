import type { Role } from '@app/contracts';
import { maySee, type EnrolmentParties } from './enrolment-visibility';
import { OPERATOR_ORG, OTHER_OPERATOR_ORG, PATIENT_PSEUDONYM, PRESCRIBER_RPPS, RENEWING_PRESCRIBER_RPPS } from './enrolment.fixtures';

const enrolment: EnrolmentParties = {
  operatorOrg: OPERATOR_ORG,
  prescriberRpps: [PRESCRIBER_RPPS, RENEWING_PRESCRIBER_RPPS],
  patientPseudonym: PATIENT_PSEUDONYM,
};

describe('maySee', () => {
  it('shows the enrolment to operators of its org only', () => {
    expect(maySee({ role: 'operator', org: OPERATOR_ORG }, enrolment)).toBe(true);
    expect(maySee({ role: 'operator', org: OTHER_OPERATOR_ORG }, enrolment)).toBe(false);
    expect(maySee({ role: 'operator' }, enrolment)).toBe(false);
  });

  it('shows it to every prescriber of its renewal chain, and no other physician', () => {
    expect(maySee({ role: 'physician', rpps: PRESCRIBER_RPPS }, enrolment)).toBe(true);
    expect(maySee({ role: 'physician', rpps: RENEWING_PRESCRIBER_RPPS }, enrolment)).toBe(true);
    expect(maySee({ role: 'physician', rpps: '10000000000' }, enrolment)).toBe(false);
    expect(maySee({ role: 'physician' }, enrolment)).toBe(false);
  });

  it('shows it to its patient by pseudonym, and no other patient', () => {
    expect(maySee({ role: 'patient', pseudonym: PATIENT_PSEUDONYM }, enrolment)).toBe(true);
    expect(maySee({ role: 'patient', pseudonym: 'b'.repeat(64) }, enrolment)).toBe(false);
    expect(maySee({ role: 'patient' }, enrolment)).toBe(false);
  });

  it('does not mistake one claim for another (an operator claiming the prescriber RPPS, a physician the org)', () => {
    expect(maySee({ role: 'operator', rpps: PRESCRIBER_RPPS, pseudonym: PATIENT_PSEUDONYM }, enrolment)).toBe(false);
    expect(maySee({ role: 'physician', org: OPERATOR_ORG, pseudonym: PATIENT_PSEUDONYM }, enrolment)).toBe(false);
    expect(maySee({ role: 'patient', org: OPERATOR_ORG, rpps: PRESCRIBER_RPPS }, enrolment)).toBe(false);
  });

  it.each(['vendor', 'evaluator', 'claims_processor', 'auditor', 'admin'] as Role[])('hides it from a %s (a 404)', (role) =>
    expect(maySee({ role, org: OPERATOR_ORG, rpps: PRESCRIBER_RPPS, pseudonym: PATIENT_PSEUDONYM }, enrolment)).toBe(false));

  it('lets the platform itself see it (its own reactions and sweeps)', () => expect(maySee({ role: 'system' }, enrolment)).toBe(true));
});
