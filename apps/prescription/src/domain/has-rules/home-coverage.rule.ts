import { NO_DEVICE_FACTS, pass, warn, type HasRule } from './rule.types';

export const HOME_COVERAGE = 'HOME_COVERAGE';

/** A device that relies on wide-area radio only, at a home with poor, no or unknown coverage, may not transmit. */
export const homeCoverage: HasRule = ({ device, patient }, referential) => {
  const { localAccess, riskyCoverage } = referential.homeCoverage;
  if (!device) return warn(HOME_COVERAGE, `Cannot check the home coverage: ${NO_DEVICE_FACTS}.`);
  if (device.connectivity.some((kind) => localAccess.includes(kind))) {
    return pass(HOME_COVERAGE, 'The device can connect through a local access (Wi-Fi, wired or gateway).');
  }
  if (riskyCoverage.includes(patient.homeCellularCoverage)) {
    return warn(
      HOME_COVERAGE,
      `The device relies on wide-area radio only and the home cellular coverage is ${patient.homeCellularCoverage}: data may not be transmitted.`,
    );
  }
  return pass(HOME_COVERAGE, 'The home cellular coverage is good for this wide-area radio device.');
};
