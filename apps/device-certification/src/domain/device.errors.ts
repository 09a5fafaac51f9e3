import { DomainError, type ErrorDetail } from '@app/contracts';
import type { DeviceStatus } from './device-product';

/** Refusals of the DeviceProduct aggregate, each with a stable code. */
export const DeviceErrors = {
  alreadyRegistered: (id: string) =>
    new DomainError('DEVICE.ALREADY_REGISTERED', `device ${id} is already registered`, 'conflict'),
  notFound: (id: string) => new DomainError('DEVICE.NOT_FOUND', `device ${id} not found`, 'not_found'),
  notManufacturer: (org: string | undefined, siret: string) =>
    new DomainError(
      'DEVICE.NOT_MANUFACTURER',
      `organisation ${org ?? '(none)'} is not the manufacturer ${siret} of this product`,
      'forbidden',
    ),
  wrongState: (code: string, action: string, status: DeviceStatus, allowed: DeviceStatus[]) =>
    new DomainError(
      code,
      `cannot ${action} a device in status ${status}; allowed from ${allowed.join(', ')}`,
      'conflict',
      [],
      { status, allowedStatuses: allowed },
    ),
  rulesFailed: (action: string, details: ErrorDetail[]) =>
    new DomainError(
      'DEVICE.CERTIFICATION_RULES_FAILED',
      `cannot ${action}: ${details.map((detail) => detail.message).join('; ')}`,
      'rule',
      details,
    ),
  notYetExpired: (validUntil: string) =>
    new DomainError('DEVICE.NOT_YET_EXPIRED', `certification is valid until ${validUntil}`, 'conflict'),
};
