import { RENEWAL_REFUSED_TO_OTHERS, renewalProblem, renewalRefusal, type RenewedPrescription } from './renewal';

const PRESCRIBER = '10012345673';
const renewed: RenewedPrescription = {
  id: 'p1',
  status: 'ISSUED',
  prescriberRpps: PRESCRIBER,
  patientPseudonym: 'a'.repeat(64),
  indication: 'HEART_FAILURE',
  deviceId: 'd1',
  operatorOrg: 'operator-1',
  endDate: '2026-09-14',
};
const request = { renewalOf: 'p1', patientPseudonym: 'a'.repeat(64), indication: 'HEART_FAILURE' as const, deviceId: 'd1', operatorOrg: 'operator-1' };

const refused: Array<[string, RenewedPrescription | null, RegExp]> = [
  ['unknown', null, /does not exist/],
  ['cancelled', { ...renewed, status: 'CANCELLED' }, /CANCELLED/],
  ['another patient', { ...renewed, patientPseudonym: 'b'.repeat(64) }, /another patient/],
  ['another indication', { ...renewed, indication: 'DIABETES' }, /is for DIABETES/],
  ['another device', { ...renewed, deviceId: 'd2' }, /another device/],
  ['another operator', { ...renewed, operatorOrg: 'operator-2' }, /another telemonitoring operator/],
];

describe('renewalProblem', () => {
  it('accepts an ISSUED or EXPIRED prescription of the same patient, indication, device and operator', () => {
    expect(renewalProblem(renewed, request)).toBeNull();
    expect(renewalProblem({ ...renewed, status: 'EXPIRED' }, request)).toBeNull();
  });

  it.each(refused)('refuses %s', (_case, candidate, message) => {
    expect(renewalProblem(candidate, request)).toMatch(message);
  });
});

describe('renewalRefusal', () => {
  it.each(refused)('tells the renewed prescription’s prescriber the precise reason (%s)', (_case, candidate, message) => {
    if (candidate === null) return expect(renewalRefusal(candidate, request, PRESCRIBER)).toBe(RENEWAL_REFUSED_TO_OTHERS);
    expect(renewalRefusal(candidate, request, PRESCRIBER)).toMatch(message);
  });

  it.each(refused)('tells anyone else the same words, whatever the cause (%s)', (_case, candidate) => {
    expect(renewalRefusal(candidate, request, '10000000024')).toBe(RENEWAL_REFUSED_TO_OTHERS);
    expect(renewalRefusal(candidate, request, undefined)).toBe(RENEWAL_REFUSED_TO_OTHERS);
  });

  it('lets any physician go on with a renewal that holds', () => {
    expect(renewalRefusal(renewed, request, '10000000024')).toBeNull();
  });
});
