import { DomainError, PATIENT_ERROR_CODES } from '@app/contracts';

/** Refusals of an erasure, each with a stable code. */
export const PatientErrors = {
  notFound: (pseudonym: string) =>
    new DomainError(PATIENT_ERROR_CODES.notFound, `no data key of patient ${pseudonym} ever existed`, 'not_found'),
  notErased: (pseudonym: string) =>
    new DomainError(PATIENT_ERROR_CODES.notFound, `patient ${pseudonym} was never erased`, 'not_found'),
  alreadyErased: (pseudonym: string, erasedAt: string) =>
    new DomainError(PATIENT_ERROR_CODES.alreadyErased, `patient ${pseudonym} was already erased at ${erasedAt}`, 'conflict', [], {
      erasedAt,
    }),
};
