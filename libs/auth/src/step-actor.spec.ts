import { stepActorOf } from './step-actor';

describe('stepActorOf', () => {
  it('records a physician with their RPPS, an organisation user with their org, anyone else by id and role', () => {
    expect(stepActorOf({ sub: 'dr-1', role: 'physician', rpps: '10012345673', specialty: 'cardiology' })).toEqual({ role: 'physician', id: 'dr-1', rpps: '10012345673' });
    expect(stepActorOf({ sub: 'op-1', role: 'operator', org: 'TLSM-A' })).toEqual({ role: 'operator', id: 'op-1', org: 'TLSM-A' });
    expect(stepActorOf({ sub: 'cp-1', role: 'claims_processor' })).toEqual({ role: 'claims_processor', id: 'cp-1' });
  });

  it('never records a patient’s pseudonym', () => {
    expect(stepActorOf({ sub: 'p-1', role: 'patient', pseudonym: 'a'.repeat(64) })).toEqual({ role: 'patient', id: 'p-1' });
  });
});
