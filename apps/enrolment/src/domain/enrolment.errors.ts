import { DomainError, type ErrorDetail } from '@app/contracts';
import type { EnrolmentStatus } from './enrolment.state';

/** An unmet condition of an activation or a resumption, as a 422's `details` names it. */
export type UnmetRequirement = ErrorDetail & { field: string };

const invalid = (field: string, code: string, message: string) =>
  new DomainError('REQUEST.VALIDATION_FAILED', `Invalid request: ${field}`, 'invalid', [{ field, code, message }]);

/** Refusals of the enrolment service, each with a stable code (API.md "Enrolment"). */
export const EnrolmentErrors = {
  notFound: (id: string) => new DomainError('ENROLMENT.NOT_FOUND', `enrolment ${id} not found`, 'not_found'),
  alreadyExists: (id: string) => new DomainError('ENROLMENT.ALREADY_EXISTS', `enrolment ${id} already exists`, 'conflict'),
  wrongState: (action: string, status: EnrolmentStatus, allowed: readonly EnrolmentStatus[]) =>
    new DomainError('ENROLMENT.WRONG_STATUS', `cannot ${action} an enrolment in status ${status}; it must be ${allowed.join(' or ')}`, 'conflict', [], {
      status,
    }),
  ended: (action: string) => new DomainError('ENROLMENT.ENDED', `cannot ${action}: the enrolment has ended`, 'conflict'),
  consentRequired: (action: string) =>
    new DomainError('ENROLMENT.CONSENT_REQUIRED', `cannot ${action} without a consent given and not withdrawn`, 'conflict'),
  noConsentToWithdraw: () => new DomainError('ENROLMENT.NO_CONSENT', 'there is no consent in force to withdraw', 'conflict'),
  consentAlreadyGiven: () =>
    new DomainError('ENROLMENT.CONSENT_ALREADY_GIVEN', 'a consent is in force: withdraw it rather than record a refusal', 'conflict'),
  representativeRequired: () =>
    new DomainError('ENROLMENT.REPRESENTATIVE_REQUIRED', 'the patient is under 18 on signedAt: a legal representative signs the consent', 'rule', [
      { field: 'signedBy', code: 'REPRESENTATIVE_REQUIRED', message: 'signedBy must be LEGAL_REPRESENTATIVE for a patient under 18 on signedAt' },
    ]),
  representativeMissing: () => invalid('representative', 'REQUIRED', 'representative is required when signedBy is LEGAL_REPRESENTATIVE'),
  operatorPaperOnly: () =>
    new DomainError('ENROLMENT.OPERATOR_PAPER_ONLY', 'an operator records a consent given on a paper form only', 'rule', [
      { field: 'method', code: 'OPERATOR_PAPER_ONLY', message: 'method must be PAPER when an operator records the consent' },
    ]),
  patientErased: () =>
    new DomainError('ENROLMENT.PATIENT_ERASED', "the patient's personal data was erased: no consent can be checked against it", 'conflict'),
  inFuture: (field: string) => invalid(field, 'IN_FUTURE', `${field} must not be in the future`),
  endBeforeStart: () => invalid('endedAt', 'BEFORE_START', 'endedAt must not be before startedAt'),
  udiDiMismatch: (prescribed: string) =>
    new DomainError('ENROLMENT.UDI_DI_MISMATCH', `the device must be the prescribed product (UDI-DI ${prescribed})`, 'rule', [
      { field: 'udiDi', code: 'UDI_DI_MISMATCH', message: `udiDi must be the prescribed product's, ${prescribed}` },
    ]),
  serialInUse: (serialNumber: string) =>
    new DomainError('ENROLMENT.SERIAL_IN_USE', `device ${serialNumber} is assigned to another enrolment that has not ended`, 'conflict', [
      { field: 'serialNumber', code: 'SERIAL_IN_USE', message: 'this serial number is active in another enrolment' },
    ]),
  requirementsUnmet: (action: string, unmet: readonly UnmetRequirement[]) =>
    new DomainError(
      action === 'activate' ? 'ENROLMENT.ACTIVATION_REFUSED' : 'ENROLMENT.RESUMPTION_REFUSED',
      `cannot ${action}: ${unmet.map((requirement) => requirement.message).join('; ')}`,
      'rule',
      [...unmet],
    ),
  incidentBeforeActivation: (activatedAt: string) =>
    new DomainError('ENROLMENT.INCIDENT_BEFORE_ACTIVATION', `an incident starts after the activation (${activatedAt})`, 'rule', [
      { field: 'startedAt', code: 'BEFORE_ACTIVATION', message: `startedAt must not be before the activation, ${activatedAt}` },
    ]),
  notActivated: () => new DomainError('ENROLMENT.NOT_ACTIVATED', 'the enrolment was never activated: there is no monitoring to report on', 'conflict'),
  incidentNotFound: (incidentId: string) =>
    new DomainError('ENROLMENT.INCIDENT_NOT_FOUND', `connectivity incident ${incidentId} not found`, 'not_found'),
};
