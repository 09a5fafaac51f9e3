import { AmoClaimsUnavailableError, type AmoClaimAnswer, type AmoClaimsPort } from './amo-claims.port';

/**
 * What production answers while no adapter of the Assurance Maladie's own
 * claims service exists: every submission fails, so every claim ends
 * SUBMISSION_FAILED after its retries (an admin resubmits once an adapter is
 * configured); nothing is ever "received" by nobody. The simulator is for
 * development and tests only.
 */
export class UnconfiguredAmoClaimsAdapter implements AmoClaimsPort {
  submit(): Promise<AmoClaimAnswer> {
    return Promise.reject(new AmoClaimsUnavailableError('no AMO claims adapter is configured in production'));
  }
}
