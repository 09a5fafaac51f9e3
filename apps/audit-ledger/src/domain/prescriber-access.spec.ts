import type { AuditEntry } from '@app/contracts';
import { mayRead } from './prescriber-access';

const issued = (over: Partial<AuditEntry> = {}): AuditEntry =>
  ({ subject: 'prescription:p', actor: { id: 'doc', role: 'physician' }, evidence: {}, ...over }) as AuditEntry;

describe('mayRead', () => {
  it('lets auditors read anything, even what the ledger does not hold', () => {
    expect(mayRead({ sub: 'a', role: 'auditor' }, undefined)).toBe(true);
  });

  it('lets the prescriber read by account or by RPPS named in the evidence', () => {
    expect(mayRead({ sub: 'doc', role: 'physician' }, issued())).toBe(true);
    expect(mayRead({ sub: 'new-account', role: 'physician', rpps: '10003456789' }, issued({ evidence: { prescriberRpps: '10003456789' } }))).toBe(true);
    expect(mayRead({ sub: 'new-account', role: 'physician', rpps: '10003456789' }, issued({ evidence: { prescriber: { rpps: '10003456789' } } }))).toBe(true);
  });

  it('refuses other physicians, other roles, unknown subjects and non-prescription subjects', () => {
    expect(mayRead({ sub: 'other', role: 'physician', rpps: '1' }, issued({ evidence: { prescriberRpps: '2' } }))).toBe(false);
    expect(mayRead({ sub: 'doc', role: 'operator' }, issued())).toBe(false);
    expect(mayRead({ sub: 'doc', role: 'physician' }, undefined)).toBe(false);
    expect(mayRead({ sub: 'doc', role: 'physician' }, issued({ subject: 'device:d' }))).toBe(false);
    expect(mayRead({ sub: 'doc', role: 'physician', rpps: undefined }, issued({ actor: { id: 'x', role: 'physician' }, evidence: {} }))).toBe(false);
  });
});
