import { parisDate } from '@app/fr-health';
import type { CertificationInForce } from './enrolment.commands';
import type { UnmetRequirement } from './enrolment.errors';
import { consentInForceOf, type Enrolment } from './enrolment.state';

/**
 * What monitoring needs at an instant (API.md activation): open rights, a
 * device that is the prescribed product, an ISSUED prescription covering the
 * day and a certification in force on it. Every unmet one is named, so the
 * operator sees at once all there is to fix.
 */
export function unmetForMonitoring(enrolment: Enrolment, at: Date, certification: CertificationInForce | null): UnmetRequirement[] {
  const unmet: UnmetRequirement[] = [];
  const day = parisDate(at);
  const { prescription } = enrolment;
  if (enrolment.rights.status === 'CLOSED') {
    unmet.push({ field: 'rights', code: 'RIGHTS_CLOSED', message: "the Assurance Maladie says the patient's rights are closed" });
  } else if (enrolment.rights.status !== 'OPEN') {
    unmet.push({
      field: 'rights',
      code: 'RIGHTS_NOT_OPEN',
      message: `the patient's rights are ${enrolment.rights.status}: ask the Assurance Maladie again (rights-check)`,
    });
  }
  if (!enrolment.device) unmet.push({ field: 'device', code: 'DEVICE_REQUIRED', message: 'no device is assigned' });
  else if (enrolment.device.udiDi !== prescription.device.udiDi) {
    unmet.push({ field: 'device.udiDi', code: 'UDI_DI_MISMATCH', message: `the device is not the prescribed product (${prescription.device.udiDi})` });
  }
  if (enrolment.prescriptionStatus !== 'ISSUED') {
    unmet.push({ field: 'prescription', code: 'PRESCRIPTION_NOT_ISSUED', message: `the prescription is ${enrolment.prescriptionStatus}` });
  } else if (day > prescription.endDate) {
    unmet.push({ field: 'activatedAt', code: 'AFTER_PRESCRIPTION_END', message: `the prescription ended on ${prescription.endDate}` });
  }
  // validUntil is an instant (device-certification expires it once it is reached): compared as one, not as a day.
  if (!certification || certification.status !== 'CERTIFIED' || !(Date.parse(certification.validUntil) > at.getTime())) {
    const seen = certification ? `${certification.status}, valid until ${certification.validUntil}` : 'unknown here';
    unmet.push({
      field: 'certification',
      code: 'CERTIFICATION_NOT_IN_FORCE',
      message: `the device's certification is not in force at ${at.toISOString()} (${seen})`,
    });
  }
  return unmet;
}

/** An activation date is never before the consent it relies on, nor before the prescription's first day. */
export function unmetForActivationDate(enrolment: Enrolment, activatedAt: Date): UnmetRequirement[] {
  const unmet: UnmetRequirement[] = [];
  const consent = consentInForceOf(enrolment);
  if (consent && activatedAt.toISOString() < consent.signedAt) {
    unmet.push({ field: 'activatedAt', code: 'BEFORE_CONSENT', message: `activatedAt must not be before the consent, signed at ${consent.signedAt}` });
  }
  if (parisDate(activatedAt) < enrolment.prescription.startDate) {
    unmet.push({
      field: 'activatedAt',
      code: 'BEFORE_PRESCRIPTION_START',
      message: `activatedAt must not be before the prescription's start, ${enrolment.prescription.startDate}`,
    });
  }
  return unmet;
}
