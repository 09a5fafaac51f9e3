import { inboxesOf, recipientKey } from './recipient';

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
});
