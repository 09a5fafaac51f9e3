import { DomainError } from '@app/contracts';
import type { Evaluation } from './evaluation/evaluation.types';
import type { PrescriptionStatus } from './vocabulary';

/** Refusals of the prescription service, each with a stable code. */
export const PrescriptionErrors = {
  rulesRefused: (evaluation: Evaluation, attemptId: string, unjustified: string[]) =>
    new DomainError(
      'PRESCRIPTION.RULES_REFUSED',
      [
        'The HAS referential refuses this prescription',
        ...evaluation.results.filter((r) => r.outcome === 'BLOCK').map((r) => `${r.ruleId}: ${r.message}`),
        ...unjustified.map((ruleId) => `${ruleId}: a warning needs a justification of at least 20 characters`),
      ].join('; '),
      'rule',
      evaluation.results.map((result) => ({ code: result.ruleId, ...result })),
      { evaluation, attemptId },
    ),
  notFound: (id: string) => new DomainError('PRESCRIPTION.NOT_FOUND', `prescription ${id} not found`, 'not_found'),
  alreadyExists: (id: string) => new DomainError('PRESCRIPTION.ALREADY_EXISTS', `prescription ${id} already exists`, 'conflict'),
  notPrescriber: () =>
    new DomainError('PRESCRIPTION.NOT_PRESCRIBER', 'only the prescriber may act on this prescription', 'forbidden'),
  wrongState: (action: string, status: PrescriptionStatus) =>
    new DomainError('PRESCRIPTION.NOT_ISSUED', `cannot ${action} a prescription in status ${status}; it must be ISSUED`, 'conflict', [], {
      status,
    }),
  notYetEnded: (endDate: string) =>
    new DomainError('PRESCRIPTION.NOT_YET_ENDED', `the prescription runs until ${endDate}`, 'conflict'),
  invalidRenewal: (message: string) =>
    new DomainError('PRESCRIPTION.INVALID_RENEWAL', message, 'rule', [{ field: 'renewalOf', code: 'INVALID_RENEWAL', message }]),
  birthDateInFuture: () =>
    new DomainError('REQUEST.VALIDATION_FAILED', 'Invalid request: patient.birthDate', 'invalid', [
      { field: 'patient.birthDate', code: 'IN_FUTURE', message: 'patient.birthDate must not be after the prescription date' },
    ]),
  referentialNotFound: (version: string) =>
    new DomainError('REFERENTIAL.NOT_FOUND', `referential version ${version} not found`, 'not_found'),
};
