import { PLATFORM_CONFIG } from '@app/service-kit';
import type { Provider, Type } from '@nestjs/common';
import { AMO_CLAIMS_PORT } from './amo-claims.port';
import type { AmoClaimsSimulatorConfig } from './amo-claims-simulator.config';
import { AmoClaimsSimulatorHttpController } from './amo-claims-simulator.http.controller';
import { SimulatedAmoClaimsAdapter } from './simulated-amo-claims.adapter';
import { UnconfiguredAmoClaimsAdapter } from './unconfigured-amo-claims.adapter';

/** Where the simulator may be set: development and tests. An unset NODE_ENV runs with production rules (README "Configuration"). */
const SIMULATOR_ENVS: ReadonlySet<string | undefined> = new Set(['development', 'test']);

/** One simulator instance: the port and the simulator's endpoint share its behaviours. */
const SIMULATOR_PROVIDERS: Provider[] = [
  {
    provide: SimulatedAmoClaimsAdapter,
    inject: [PLATFORM_CONFIG],
    useFactory: (config: Partial<AmoClaimsSimulatorConfig>) =>
      new SimulatedAmoClaimsAdapter({ behaviour: config.AMO_CLAIMS_SIMULATOR_DEFAULT ?? 'RECEIVE' }),
  },
  { provide: AMO_CLAIMS_PORT, useExisting: SimulatedAmoClaimsAdapter },
];

/** The simulator's controller outside production; in production the route does not exist at all (404 like any unknown path). */
export function amoClaimsSimulatorControllers(nodeEnv: string | undefined): Type[] {
  return SIMULATOR_ENVS.has(nodeEnv) ? [AmoClaimsSimulatorHttpController] : [];
}

/** The port as the service runs: the simulator outside production, the unconfigured adapter (always failing) in production. */
export function amoClaimsProviders(nodeEnv: string | undefined): Provider[] {
  return SIMULATOR_ENVS.has(nodeEnv) ? SIMULATOR_PROVIDERS : [{ provide: AMO_CLAIMS_PORT, useClass: UnconfiguredAmoClaimsAdapter }];
}
