import { PLATFORM_CONFIG } from '@app/service-kit';
import type { Provider } from '@nestjs/common';
import type { ExpectedIntervals } from './domain/transmissions';
import type { EnrolmentConfig } from './enrolment.config';
import { RIGHTS_RETRY, type RightsRetryPolicy } from './jobs/rights-check.queue';

/** The expected interval between two transmissions, by monitoring mode, in ms, as configured. */
export type SilenceIntervals = ExpectedIntervals;

export const SILENCE_INTERVALS = Symbol('SILENCE_INTERVALS');

const MINUTE_MS = 60_000;

/** The service's own settings, from its loaded configuration (enrolment.config.ts holds their defaults). */
export const enrolmentSettingsProviders = (rightsRetry?: RightsRetryPolicy): Provider[] => [
  {
    provide: SILENCE_INTERVALS,
    inject: [PLATFORM_CONFIG],
    useFactory: (config: EnrolmentConfig): SilenceIntervals => ({
      PERIODIC: config.PERIODIC_SILENCE_MINUTES * MINUTE_MS,
      CRITICAL_ALERTS: config.CRITICAL_ALERTS_SILENCE_MINUTES * MINUTE_MS,
    }),
  },
  {
    provide: RIGHTS_RETRY,
    inject: [PLATFORM_CONFIG],
    useFactory: (config: EnrolmentConfig): RightsRetryPolicy =>
      rightsRetry ?? { attempts: config.AMO_RIGHTS_ATTEMPTS, delayMs: config.AMO_RIGHTS_RETRY_DELAY_MS },
  },
];
