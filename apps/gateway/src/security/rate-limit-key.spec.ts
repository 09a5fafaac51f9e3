import { rateLimitKey } from './rate-limit-key';

describe("whose budget a request spends", () => {
  it("is the verified sub's, one per sub, the sub not in clear", () => {
    const alice = rateLimitKey('00000000-0000-7000-8000-00000000000a', '10.0.0.1');
    expect(alice).toMatch(/^sub:[0-9a-f]{32}$/);
    expect(alice).not.toContain('00000000-0000-7000-8000-00000000000a');
    expect(rateLimitKey('00000000-0000-7000-8000-00000000000a', '10.0.0.2')).toBe(alice);
    expect(rateLimitKey('00000000-0000-7000-8000-00000000000b', '10.0.0.1')).not.toBe(alice);
  });

  it("is the address's without a verified token, never a sub's", () => {
    const byIp = rateLimitKey(undefined, '10.0.0.1');
    expect(byIp).toMatch(/^ip:[0-9a-f]{32}$/);
    expect(rateLimitKey(undefined, '10.0.0.2')).not.toBe(byIp);
    // An IPv4 client seen through an IPv6 socket is the same client.
    expect(rateLimitKey(undefined, '::ffff:10.0.0.1')).toBe(byIp);
    // A sub that looks like an address does not share its budget.
    expect(rateLimitKey('10.0.0.1', '10.0.0.9')).not.toBe(byIp);
  });

  it('groups an IPv6 caller by its /56', () => {
    expect(rateLimitKey(undefined, '2001:db8:1:100::1')).toBe(rateLimitKey(undefined, '2001:db8:1:1ff::2'));
    expect(rateLimitKey(undefined, '2001:db8:1:100::1')).not.toBe(rateLimitKey(undefined, '2001:db8:1:200::1'));
  });
});
