import type { Signer } from './ledger-api';

export type SignerState = 'IN_FORCE' | 'NOT_YET_VALID' | 'NO_LONGER_VALID';

/**
 * Whether a signer's key is in force at an instant of the platform clock
 * (the clock of its validity and of the entries' occurredAt, API.md): the
 * screens take the signed tree head's time, never the browser's own clock,
 * which a shifted platform clock would contradict. validFrom <= at < validUntil.
 */
export function signerState(signer: Pick<Signer, 'validFrom' | 'validUntil'>, atIso: string): SignerState {
  const at = Date.parse(atIso);
  if (at < Date.parse(signer.validFrom)) return 'NOT_YET_VALID';
  if (signer.validUntil !== undefined && at >= Date.parse(signer.validUntil)) return 'NO_LONGER_VALID';
  return 'IN_FORCE';
}
