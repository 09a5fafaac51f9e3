import { PLATFORM_CONFIG } from '@app/service-kit';
import type { Provider, Type } from '@nestjs/common';
import { AMO_RIGHTS_PORT } from './amo-rights.port';
import type { AmoRightsSimulatorConfig } from './amo-rights-simulator.config';
import { AmoRightsSimulatorHttpController } from './amo-rights-simulator.http.controller';
import { SimulatedAmoRightsAdapter } from './simulated-amo-rights.adapter';
import { UnconfiguredAmoRightsAdapter } from './unconfigured-amo-rights.adapter';

/** Where a simulated answer may be set: development and tests. An unset NODE_ENV runs with production rules (README "Configuration"). */
const SIMULATOR_ENVS: ReadonlySet<string | undefined> = new Set(['development', 'test']);

/**
 * AMO_RIGHTS_PORT, answered by the simulator (the only adapter there is so
 * far), whose default comes from AMO_RIGHTS_SIMULATOR_DEFAULT when the
 * service's config declares it (amo-rights-simulator.config.ts), else OPEN.
 * One instance: the port and the simulator's endpoint must share its answers.
 */

export const AMO_RIGHTS_PROVIDERS: Provider[] = [
  {
    provide: SimulatedAmoRightsAdapter,
    inject: [PLATFORM_CONFIG],
    useFactory: (config: Partial<AmoRightsSimulatorConfig>) =>
      new SimulatedAmoRightsAdapter({ defaultStatus: config.AMO_RIGHTS_SIMULATOR_DEFAULT }),
  },
  { provide: AMO_RIGHTS_PORT, useExisting: SimulatedAmoRightsAdapter },
];

/**
 * The controllers of the simulator, for the module's `controllers`: none in
 * production, so there the route does not exist at all (404 like any
 * unknown path), not merely refused. Decided when the module is built, from
 * the NODE_ENV the service's config will be loaded with (a test's config
 * override, else the process environment).
 */
export function amoRightsSimulatorControllers(nodeEnv: string | undefined): Type[] {
  return SIMULATOR_ENVS.has(nodeEnv) ? [AmoRightsSimulatorHttpController] : [];
}

/** The port as the service runs: the simulator outside production, the unconfigured adapter (always UNAVAILABLE) in production. */
export function amoRightsProviders(nodeEnv: string | undefined): Provider[] {
  return SIMULATOR_ENVS.has(nodeEnv) ? AMO_RIGHTS_PROVIDERS : [{ provide: AMO_RIGHTS_PORT, useClass: UnconfiguredAmoRightsAdapter }];
}
