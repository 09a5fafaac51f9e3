import type { ClaimCreatedV1 } from '@app/contracts';
import { APRIL, TARIFFS, certificationFact, deviceFacts, enrolmentFacts, incident, paris, planInput, withSteps } from './billing.fixtures';
import type { DeviceFacts, EnrolmentFacts } from './billing-facts';
import { planClaim } from './claim-plan';
import { validateClaim } from './claim-validation';

/** The April claim as the run made it, checked again against facts that changed since. */
const claim = (): ClaimCreatedV1 => {
  const plan = planClaim(planInput());
  if (plan.kind !== 'CLAIM') throw new Error('expected a claim');
  return plan.claim;
};
const validate = (facts: { enrolment?: EnrolmentFacts; device?: DeviceFacts | null; claim?: ClaimCreatedV1 } = {}) =>
  validateClaim({ claim: facts.claim ?? claim(), enrolment: facts.enrolment ?? enrolmentFacts(), device: facts.device === undefined ? deviceFacts() : facts.device, period: APRIL, tariffs: TARIFFS, minimumDays: 10 });

describe('validateClaim', () => {
  it('passes a claim whose facts still hold', () => expect(validate()).toBeNull());

  it('rejects NOT_BILLABLE_DAYS when a billed day is no longer billable (an incident re-qualified PATIENT)', () =>
    expect(validate({ enrolment: enrolmentFacts({ incidents: [incident({ cause: 'PATIENT', startedAt: paris('2026-04-10T00:00', 2), endedAt: paris('2026-04-11T00:00', 2) })] }) })).toEqual({
      reasonCode: 'NOT_BILLABLE_DAYS',
    }));

  it('rejects NOT_BILLABLE_DAYS below the minimum, or when the count does not match the days', () => {
    const short = { ...claim(), billableDates: claim().billableDates.slice(0, 9), billableDays: 9 };
    expect(validate({ claim: short })).toEqual({ reasonCode: 'NOT_BILLABLE_DAYS' });
    expect(validate({ claim: { ...claim(), billableDays: 31 } })).toEqual({ reasonCode: 'NOT_BILLABLE_DAYS' });
  });

  it('rejects CERTIFICATION_LAPSED when the certification was not in force on a billed day', () =>
    expect(
      validate({
        device: deviceFacts({ certification: [certificationFact(), certificationFact({ version: 4, kind: 'SUSPENDED', at: paris('2026-04-20T00:00', 2), validFrom: null, validUntil: null })] }),
      }),
    ).toEqual({ reasonCode: 'CERTIFICATION_LAPSED' }));

  it('rejects NO_CONSENT and RIGHTS_CLOSED', () => {
    expect(validate({ enrolment: enrolmentFacts(withSteps(['CONSENT_WITHDRAWN', '2026-03-25T10:00:00.000Z'])) })).toEqual({ reasonCode: 'NO_CONSENT' });
    expect(validate({ enrolment: enrolmentFacts({ rightsStatus: 'CLOSED' }) })).toEqual({ reasonCode: 'RIGHTS_CLOSED' });
  });

  it('rejects TARIFF_MISMATCH when the device’s code changed, or the claim names another tariff version', () => {
    expect(validate({ device: deviceFacts({ lppCode: '1668102' }) })).toEqual({ reasonCode: 'TARIFF_MISMATCH' });
    expect(validate({ claim: { ...claim(), tariffVersion: '2026-01' } })).toEqual({ reasonCode: 'TARIFF_MISMATCH' });
    expect(validate({ device: null })).toEqual({ reasonCode: 'TARIFF_MISMATCH' });
  });

  it('rejects IDENTITY_UNKNOWN once the patient’s identity was erased', () =>
    expect(validate({ enrolment: enrolmentFacts({ identityEncrypted: null }) })).toEqual({ reasonCode: 'IDENTITY_UNKNOWN' }));
});
