import { inboxesOf, orgOfRecipient, recipientKey } from './recipient';

describe('the inboxes of a caller', () => {
  it('are a physician’s own, an organisation’s, or both, and none without either claim', () => {
    expect(inboxesOf({ rpps: '10003456789' })).toEqual(['physician:10003456789']);
    expect(inboxesOf({ org: 'TLSM-OPERATOR-A' })).toEqual(['org:TLSM-OPERATOR-A']);
    expect(inboxesOf({ rpps: '10003456789', org: 'CHU-LYON' })).toEqual(['physician:10003456789', 'org:CHU-LYON']);
    expect(inboxesOf({})).toEqual([]);
  });

  it('never mix a physician with an organisation that has the same digits', () => {
    expect(recipientKey({ kind: 'physician', rpps: '12345678901' })).not.toBe(recipientKey({ kind: 'org', org: '12345678901' }));
  });

  it('name an organisation, whose webhooks receive what its inbox is told, or a physician, who has none', () => {
    expect(orgOfRecipient('org:TLSM-OPERATOR-A')).toBe('TLSM-OPERATOR-A');
    expect(orgOfRecipient('physician:10003456789')).toBeNull();
    expect(orgOfRecipient('org:')).toBeNull();
  });
});
