import { block, pass, type HasRule } from './rule.types';

export const DEVICE_CERTIFIED = 'DEVICE_CERTIFIED';

/** The device exists and its certification is in force on the prescription date. */
export const deviceCertified: HasRule = ({ device, prescriptionDate }) => {
  if (!device) return block(DEVICE_CERTIFIED, 'This device is unknown or has never been certified: it cannot be prescribed.');
  if (device.status !== 'CERTIFIED') {
    return block(
      DEVICE_CERTIFIED,
      `This device's certification is ${device.status} on ${prescriptionDate} (valid until ${device.validUntil}): it cannot be prescribed.`,
    );
  }
  return pass(DEVICE_CERTIFIED, `The device is certified until ${device.validUntil}.`);
};
