import type { ClaimLineV1 } from '@app/contracts';

/**
 * What the Assurance Maladie needs of a claim. The NIR and birth date are
 * personal data: opened from the identity the enrolment sealed (under the
 * patient's data key) just before the call, never logged, never put in an
 * error message, a job's payload or an event.
 */
export interface AmoClaimSubmission {
  claimId: string;
  pseudonym: string;
  nir: string;
  birthDate: string;
  period: string;
  lines: ClaimLineV1[];
  totalCents: number;
  amoShareCents: number;
}

/** The AMO's answer: it took the claim (its reference), or refused it with a reason code. */
export type AmoClaimAnswer = { kind: 'RECEIVED'; amoReference: string } | { kind: 'REFUSED'; reasonCode: string };

/**
 * The AMO's claims service, behind an interface so the submission job does
 * not depend on how it is reached: the local simulator for development and
 * tests, an adapter of the AMO's own service once one is written.
 */
export interface AmoClaimsPort {
  /** Rejects (AmoClaimsUnavailableError or any other error) when the AMO cannot answer now: the job retries. */
  submit(submission: AmoClaimSubmission): Promise<AmoClaimAnswer>;
}

/** Injection token of the AmoClaimsPort the module provides. */
export const AMO_CLAIMS_PORT = Symbol('AMO_CLAIMS_PORT');

/** The AMO did not answer (down, timed out, refused the call): worth retrying, unlike a REFUSED answer. */
export class AmoClaimsUnavailableError extends Error {
  override name = 'AmoClaimsUnavailableError';
}
