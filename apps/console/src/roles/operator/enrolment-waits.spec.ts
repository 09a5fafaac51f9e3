import { awaitedSteps, waitsOf } from './enrolment-waits';
import { givenConsent, pendingEnrolment } from './enrolment.fixture';

describe('waitsOf: what an enrolment still waits for', () => {
  it('waits for everything right after the prescription', () => {
    expect(waitsOf(pendingEnrolment())).toEqual([
      { step: 'consent', state: 'WAITING' },
      { step: 'rights', state: 'WAITING', reason: 'pending' },
      { step: 'device', state: 'WAITING' },
      { step: 'activation', state: 'WAITING' },
    ]);
  });

  it('with a consent, open rights and the prescribed device, waits only for the activation', () => {
    const ready = pendingEnrolment({ status: 'PENDING_ACTIVATION', consent: givenConsent, rights: { status: 'OPEN' }, device: { serialNumber: 'SN-1', udiDi: '03760012345675' } });
    expect(awaitedSteps(ready)).toEqual(['activation']);
    expect(awaitedSteps({ ...ready, status: 'ACTIVE', activatedAt: '2026-03-02T08:00:00.000Z' })).toEqual([]);
  });

  it('names what blocks: a refused consent, closed or unavailable rights, another product', () => {
    expect(waitsOf(pendingEnrolment({ consent: { ...givenConsent, decision: 'REFUSED' } }))[0]).toEqual({ step: 'consent', state: 'BLOCKED', reason: 'refused' });
    expect(waitsOf(pendingEnrolment({ rights: { status: 'CLOSED' } }))[1]).toEqual({ step: 'rights', state: 'BLOCKED', reason: 'closed' });
    expect(waitsOf(pendingEnrolment({ rights: { status: 'UNAVAILABLE' } }))[1]).toEqual({ step: 'rights', state: 'BLOCKED', reason: 'unavailable' });
    expect(waitsOf(pendingEnrolment({ device: { serialNumber: 'SN-1', udiDi: '00000000000000' } }))[2]).toEqual({ step: 'device', state: 'BLOCKED', reason: 'mismatch' });
  });

  it('asks for a new consent once the one in force was withdrawn', () => {
    expect(waitsOf(pendingEnrolment({ consent: { ...givenConsent, withdrawnAt: '2026-03-10T08:00:00.000Z' } }))[0]).toEqual({ step: 'consent', state: 'WAITING', reason: 'withdrawn' });
  });
});
