import { signerState } from './signer-state';

describe('signerState: a signer key in force on the platform clock', () => {
  const signer = { validFrom: '2026-01-01T00:00:00.000Z', validUntil: '2026-06-01T00:00:00.000Z' };

  it('is in force from validFrom included to validUntil excluded', () => {
    expect(signerState(signer, '2026-01-01T00:00:00.000Z')).toBe('IN_FORCE');
    expect(signerState(signer, '2026-05-31T23:59:59.999Z')).toBe('IN_FORCE');
    expect(signerState(signer, '2026-06-01T00:00:00.000Z')).toBe('NO_LONGER_VALID');
    expect(signerState(signer, '2025-12-31T23:59:59.999Z')).toBe('NOT_YET_VALID');
  });

  it('has no end without validUntil', () => {
    expect(signerState({ validFrom: '2026-01-01T00:00:00.000Z' }, '2099-01-01T00:00:00.000Z')).toBe('IN_FORCE');
  });
});
