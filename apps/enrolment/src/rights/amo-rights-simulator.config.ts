import { z } from 'zod';
import type { AmoRightsStatus } from './amo-rights.port';

const STATUSES = ['OPEN', 'CLOSED'] as const satisfies readonly AmoRightsStatus[];

/**
 * The simulator's setting, to spread into the service's `extendConfig({...})`:
 * AMO_RIGHTS_SIMULATOR_DEFAULT, what the simulated AMO answers for a patient
 * no answer was set for (OPEN by default, so a local enrolment activates;
 * CLOSED to see every activation blocked). Not a secret.
 */
export const AMO_RIGHTS_SIMULATOR_CONFIG = {
  AMO_RIGHTS_SIMULATOR_DEFAULT: z.enum(STATUSES, { error: `must be one of ${STATUSES.join(', ')}` }).default('OPEN'),
};

export type AmoRightsSimulatorConfig = z.output<z.ZodObject<typeof AMO_RIGHTS_SIMULATOR_CONFIG>>;
