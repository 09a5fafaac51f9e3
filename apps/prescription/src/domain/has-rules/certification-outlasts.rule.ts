import { parisDate } from '../prescription-dates';
import { NO_DEVICE_FACTS, pass, warn, type HasRule } from './rule.types';

export const CERTIFICATION_OUTLASTS = 'CERTIFICATION_OUTLASTS';

/**
 * The certification should last as long as the prescription. A certification
 * ending on the prescription's last day ends before it does (the prescription
 * runs to the end of that day), hence `<=`.
 */
export const certificationOutlasts: HasRule = ({ device, endDate }) => {
  if (!device) return warn(CERTIFICATION_OUTLASTS, `Cannot compare validity dates: ${NO_DEVICE_FACTS}.`);
  if (parisDate(new Date(device.validUntil)) <= endDate) {
    return warn(
      CERTIFICATION_OUTLASTS,
      `The device's certification ends on ${device.validUntil}, before this prescription ends on ${endDate}: monitoring may stop early.`,
    );
  }
  return pass(CERTIFICATION_OUTLASTS, `The certification (until ${device.validUntil}) outlasts the prescription (until ${endDate}).`);
};
