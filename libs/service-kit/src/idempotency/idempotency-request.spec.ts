import { idempotencyScope, isAcceptableKey, requestHash } from './idempotency-request';

const request = (over: Partial<Parameters<typeof requestHash>[0]> = {}) => ({
  method: 'POST',
  originalUrl: '/v1/devices/0190/review',
  route: { path: '/v1/devices/:id/review' },
  principal: { sub: 'user-1' },
  body: { decision: 'CERTIFY', lppCode: '1234567' },
  ...over,
});

describe('requestHash', () => {
  it('does not depend on key order', () => {
    expect(requestHash(request({ body: { lppCode: '1234567', decision: 'CERTIFY' } }))).toBe(requestHash(request()));
  });

  it('changes with the body', () => {
    expect(requestHash(request({ body: { decision: 'REJECT' } }))).not.toBe(requestHash(request()));
  });

  it('changes with the concrete URL, so one key on two resources is a reuse', () => {
    expect(requestHash(request({ originalUrl: '/v1/devices/0191/review' }))).not.toBe(requestHash(request()));
  });

  it('is 64 lowercase hex characters', () => {
    expect(requestHash(request({ body: undefined }))).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('idempotencyScope', () => {
  it('is caller, method and route pattern', () => {
    expect(idempotencyScope(request())).toBe('user-1 POST /v1/devices/:id/review');
  });

  it('separates callers', () => {
    expect(idempotencyScope(request({ principal: { sub: 'user-2' } }))).not.toBe(idempotencyScope(request()));
  });

  it('falls back to the path without query when no route matched', () => {
    expect(idempotencyScope(request({ route: undefined, principal: undefined, originalUrl: '/x?y=1' }))).toBe(
      'anonymous POST /x',
    );
  });
});

describe('isAcceptableKey', () => {
  it.each(['0190a0b1-7c3e-7def-8000-000000000000', 'k', 'a'.repeat(255)])('accepts %s', (key) => {
    expect(isAcceptableKey(key)).toBe(true);
  });

  it.each(['', 'has space', 'a'.repeat(256), 'é'])('refuses %j', (key) => {
    expect(isAcceptableKey(key)).toBe(false);
  });
});
