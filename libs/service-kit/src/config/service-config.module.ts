import { DynamicModule, Logger, Module } from '@nestjs/common';
import { ShiftedClock } from '../clock/clock';
import { CLOCK } from '../clock/clock.tokens';
import { PLATFORM_CONFIG, SERVICE_NAME } from './config.tokens';
import { loadPlatformConfig } from './load-platform-config';
import type { PlatformConfig } from './platform-config.schema';

export interface ServiceConfigOptions {
  name: string;
  defaultPort?: number;
  /** A loaded config, or a loader (e.g. the service's `extendConfig` one), called once at start-up. */
  config?: PlatformConfig | (() => PlatformConfig);
}

/** Global providers: the validated config, the service name and the platform clock. */
@Module({})
export class ServiceConfigModule {
  static forRoot(options: ServiceConfigOptions): DynamicModule {
    const load = (): PlatformConfig => {
      if (typeof options.config === 'function') return options.config();
      return options.config ?? loadPlatformConfig(process.env, { defaultPort: options.defaultPort });
    };
    return {
      module: ServiceConfigModule,
      global: true,
      providers: [
        { provide: PLATFORM_CONFIG, useFactory: load },
        { provide: SERVICE_NAME, useValue: options.name },
        { provide: CLOCK, inject: [PLATFORM_CONFIG], useFactory: clockFor },
      ],
      exports: [PLATFORM_CONFIG, SERVICE_NAME, CLOCK],
    };
  }
}

function clockFor(config: PlatformConfig): ShiftedClock {
  if (config.CLOCK_OFFSET !== 0) {
    new Logger('Clock').warn(`The platform clock is shifted by ${config.CLOCK_OFFSET} ms (CLOCK_OFFSET)`);
  }
  return new ShiftedClock(config.CLOCK_OFFSET);
}
