import { AmoRightsUnavailableError, type AmoRightsPort, type AmoRightsStatus } from './amo-rights.port';

/**
 * What production answers while no adapter of the Assurance Maladie's own
 * rights service exists: never OPEN by default. Every check ends
 * UNAVAILABLE after its retries, so no enrolment is activated on rights
 * nobody checked; the simulator is for development and tests only.
 */
export class UnconfiguredAmoRightsAdapter implements AmoRightsPort {
  check(): Promise<AmoRightsStatus> {
    return Promise.reject(new AmoRightsUnavailableError('no AMO rights adapter is configured in production'));
  }
}
