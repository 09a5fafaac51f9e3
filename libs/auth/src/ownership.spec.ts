import { actorOf, type Principal } from './principal';
import { hasRole, isEvaluatorOf, isOperatorOf, isPatientWithPseudonym, isPhysicianWithRpps, isVendorOf } from './ownership';

const vendor: Principal = { sub: 'v', role: 'vendor', org: '12345678200010' };
const physician: Principal = { sub: 'p', role: 'physician', rpps: '10012345673', specialty: 'cardiology' };
const patient: Principal = { sub: 'x', role: 'patient', pseudonym: 'f'.repeat(64) };
// A principal of another role that carries a matching org must not pass as the vendor.
const impostor = { sub: 'i', role: 'evaluator', org: '12345678200010' } as Principal;

describe('ownership', () => {
  it('recognises the vendor by SIRET and role', () => {
    expect(isVendorOf(vendor, '12345678200010')).toBe(true);
    expect(isVendorOf(vendor, '73282932000074')).toBe(false);
    expect(isVendorOf(impostor, '12345678200010')).toBe(false);
  });

  it('recognises evaluators and operators by org and role', () => {
    expect(isEvaluatorOf(impostor, '12345678200010')).toBe(true);
    expect(isEvaluatorOf(vendor, '12345678200010')).toBe(false);
    expect(isOperatorOf({ sub: 'o', role: 'operator', org: 'op-1' }, 'op-1')).toBe(true);
    expect(isOperatorOf({ sub: 'o', role: 'operator', org: 'op-1' }, 'op-2')).toBe(false);
  });

  it('recognises the physician by RPPS and the patient by pseudonym', () => {
    expect(isPhysicianWithRpps(physician, '10012345673')).toBe(true);
    expect(isPhysicianWithRpps(physician, '10012345674')).toBe(false);
    expect(isPatientWithPseudonym(patient, 'f'.repeat(64))).toBe(true);
    expect(isPatientWithPseudonym(patient, 'e'.repeat(64))).toBe(false);
    expect(isPatientWithPseudonym(physician, 'f'.repeat(64))).toBe(false);
  });

  it('checks roles and builds the actor', () => {
    expect(hasRole(vendor, 'evaluator', 'vendor')).toBe(true);
    expect(hasRole(vendor, 'admin')).toBe(false);
    expect(actorOf(physician)).toEqual({ id: 'p', role: 'physician' });
  });
});
