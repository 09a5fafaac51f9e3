import { renewalProblem, type RenewedPrescription } from './renewal';

const renewed: RenewedPrescription = {
  id: 'p1',
  status: 'ISSUED',
  patientPseudonym: 'a'.repeat(64),
  indication: 'HEART_FAILURE',
  deviceId: 'd1',
  endDate: '2026-09-14',
};
const request = { renewalOf: 'p1', patientPseudonym: 'a'.repeat(64), indication: 'HEART_FAILURE' as const, deviceId: 'd1' };

describe('renewalProblem', () => {
  it('accepts an ISSUED or EXPIRED prescription of the same patient, indication and device', () => {
    expect(renewalProblem(renewed, request)).toBeNull();
    expect(renewalProblem({ ...renewed, status: 'EXPIRED' }, request)).toBeNull();
  });

  it.each([
    [null, /does not exist/],
    [{ ...renewed, status: 'CANCELLED' as const }, /CANCELLED/],
    [{ ...renewed, patientPseudonym: 'b'.repeat(64) }, /another patient/],
    [{ ...renewed, indication: 'DIABETES' as const }, /is for DIABETES/],
    [{ ...renewed, deviceId: 'd2' }, /another device/],
  ])('refuses %j', (candidate, message) => {
    expect(renewalProblem(candidate, request)).toMatch(message);
  });
});
