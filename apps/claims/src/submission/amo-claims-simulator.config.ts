import { z } from 'zod';

const DEFAULTS = ['RECEIVE', 'DOWN'] as const;

/**
 * The simulator's setting, to spread into the service's `extendConfig({...})`:
 * AMO_CLAIMS_SIMULATOR_DEFAULT, what the simulated AMO does with a claim of a
 * patient no behaviour was set for (RECEIVE by default, so a local claim goes
 * to the processors' queue; DOWN to see every submission end SUBMISSION_FAILED).
 */
export const AMO_CLAIMS_SIMULATOR_CONFIG = {
  AMO_CLAIMS_SIMULATOR_DEFAULT: z.enum(DEFAULTS, { error: `must be one of ${DEFAULTS.join(', ')}` }).default('RECEIVE'),
};

export type AmoClaimsSimulatorConfig = z.output<z.ZodObject<typeof AMO_CLAIMS_SIMULATOR_CONFIG>>;
