import { block, NO_DEVICE_FACTS, pass, type HasRule } from './rule.types';

export const CONNECTIVITY_FITS_USE = 'CONNECTIVITY_FITS_USE';

/** Periodic monitoring takes any connectivity; critical alerts need cellular or wired access. */
export const connectivityFitsUse: HasRule = ({ device, monitoringMode }, referential) => {
  if (monitoringMode === 'PERIODIC') return pass(CONNECTIVITY_FITS_USE, 'Periodic monitoring works with any connectivity.');
  const needed = referential.criticalAlertsConnectivity;
  if (!device) return block(CONNECTIVITY_FITS_USE, `Cannot check the connectivity: ${NO_DEVICE_FACTS}.`);
  if (!device.connectivity.some((kind) => needed.includes(kind))) {
    return block(
      CONNECTIVITY_FITS_USE,
      `Critical alerts need ${needed.join(', ')} access; this device only has ${device.connectivity.join(', ')}. Choose periodic monitoring or another device.`,
    );
  }
  return pass(CONNECTIVITY_FITS_USE, 'The device has the cellular or wired access critical alerts need.');
};
