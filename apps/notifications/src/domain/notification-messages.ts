import type { NotificationType } from '@app/contracts';

/**
 * The sentence of each notification. It names the patient by pseudonym and
 * the prescription by id, never by name or NIR: the console shows the name
 * to those allowed to see it.
 */
export interface CareFacts {
  pseudonym: string;
  prescriptionId: string;
}

export interface DeviceFacts {
  name: string;
  model: string;
}

const euros = (cents: number): string => `${(cents / 100).toFixed(2)} EUR`;

export const messages = {
  observanceLow: (care: CareFacts, month: number, daysWithData: number, days: number) =>
    `Observance below 50 % in month ${month} of remote monitoring for patient ${care.pseudonym} (prescription ${care.prescriptionId}): data on ${daysWithData} of ${days} days.`,
  deviceStatus: (type: Extract<NotificationType, 'DEVICE_SUSPENDED' | 'DEVICE_REVOKED'>, device: DeviceFacts, care: CareFacts) =>
    `The certification of ${device.name} (${device.model}) was ${type === 'DEVICE_SUSPENDED' ? 'suspended' : 'revoked'} by its evaluation body; patient ${care.pseudonym} is monitored with it under prescription ${care.prescriptionId}.`,
  enrolmentSuspended: (care: CareFacts, cause: string) =>
    `The remote monitoring of patient ${care.pseudonym} (prescription ${care.prescriptionId}) was suspended (${cause}).`,
  enrolmentEnded: (care: CareFacts, cause: string) =>
    `The remote monitoring of patient ${care.pseudonym} (prescription ${care.prescriptionId}) ended (${cause}).`,
  rightsClosed: (care: CareFacts) =>
    `The Assurance Maladie rights of patient ${care.pseudonym} are closed: the remote monitoring under prescription ${care.prescriptionId} is not reimbursed while they stay closed.`,
  incidentOpened: (care: CareFacts, startedAt: string) =>
    `The platform opened a connectivity incident for patient ${care.pseudonym} (prescription ${care.prescriptionId}): no transmission since ${startedAt}.`,
  claimRejected: (claimId: string, period: string, reasonCode: string) => `Claim ${claimId} for ${period} was rejected (${reasonCode}).`,
  claimPaid: (claimId: string, period: string, amountCents: number, reference: string) =>
    `Claim ${claimId} for ${period} was paid: ${euros(amountCents)} to you, reference ${reference}.`,
  reviewDecided: (device: DeviceFacts, decision: 'CERTIFIED' | 'RECERTIFIED' | 'REJECTED', detail: string) =>
    `The review of ${device.name} (${device.model}) is decided: ${decision}${detail ? `, ${detail}` : ''}.`,
};
