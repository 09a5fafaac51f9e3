import { isReasonCode, REASON_CODES } from './reason-codes';

describe('reason codes', () => {
  it('are the codes of DOMAIN.md and API.md, each with a label', () => {
    expect(REASON_CODES.map((reason) => reason.code)).toEqual([
      'NOT_BILLABLE_DAYS',
      'CERTIFICATION_LAPSED',
      'NO_CONSENT',
      'DUPLICATE',
      'TARIFF_MISMATCH',
      'RIGHTS_CLOSED',
      'IDENTITY_UNKNOWN',
      'OTHER',
    ]);
    expect(REASON_CODES.every((reason) => reason.label.length > 0)).toBe(true);
  });

  it.each([['OTHER', true], ['other', false], [null, false], ['BELOW_MINIMUM_DAYS', false]])('knows %p: %p', (code, known) => expect(isReasonCode(code)).toBe(known));
});
