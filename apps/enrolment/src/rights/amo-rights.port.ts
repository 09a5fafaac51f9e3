/**
 * The Assurance Maladie's answer about a patient's rights (droits AMO) on the
 * day asked: OPEN (the remote monitoring can be billed to it) or CLOSED (no
 * open rights: activation is blocked). UNAVAILABLE is not an answer of the
 * AMO but what the rights job records once its retries are exhausted.
 */
export type AmoRightsStatus = 'OPEN' | 'CLOSED';

/**
 * What the AMO needs to find the patient. The NIR and birth date are personal
 * data: opened from the enrolment's identity (under the patient's data key)
 * just before the call, never logged, never put in an error message, a job's
 * payload or an event.
 */
export interface AmoRightsRequest {
  pseudonym: string;
  nir: string;
  birthDate: string;
}

/**
 * The AMO rights service, behind an interface so the rights job does not
 * depend on how it is reached: the local simulator (simulated-amo-rights.adapter.ts)
 * for development and tests, an adapter of the AMO's own service once one is written.
 */
export interface AmoRightsPort {
  /** Rejects (AmoRightsUnavailableError or any other error) when the AMO cannot answer now: the job retries. */
  check(request: AmoRightsRequest): Promise<AmoRightsStatus>;
}

/** Injection token of the AmoRightsPort the module provides (an interface leaves nothing at run time to inject by). */
export const AMO_RIGHTS_PORT = Symbol('AMO_RIGHTS_PORT');

/** The AMO did not answer (down, timed out, refused the call): worth retrying, unlike a CLOSED answer. */
export class AmoRightsUnavailableError extends Error {
  override name = 'AmoRightsUnavailableError';
}
