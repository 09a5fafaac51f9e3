import { block, NO_DEVICE_FACTS, pass, type HasRule } from './rule.types';

export const INDICATION_CERTIFIED = 'INDICATION_CERTIFIED';

/** The prescribed indication is one the device is certified for. */
export const indicationCertified: HasRule = ({ device, indication }, referential) => {
  const label = referential.indications[indication].label;
  if (!device) return block(INDICATION_CERTIFIED, `Cannot check the certified indications: ${NO_DEVICE_FACTS}.`);
  if (!device.certifiedIndications.includes(indication)) {
    return block(
      INDICATION_CERTIFIED,
      `This device is not certified for ${label}; it is certified for ${device.certifiedIndications.join(', ') || 'no indication'}.`,
    );
  }
  return pass(INDICATION_CERTIFIED, `The device is certified for ${label}.`);
};
