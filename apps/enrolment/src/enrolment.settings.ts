import { PLATFORM_CONFIG } from '@app/service-kit';
import type { Provider } from '@nestjs/common';
import type { EnrolmentConfig } from './enrolment.config';
import { DEFAULT_RIGHTS_RETRY, RIGHTS_RETRY, type RightsRetryPolicy } from './jobs/rights-check.queue';

/** The expected interval between two transmissions, by monitoring mode, in ms. */
export interface SilenceIntervals {
  PERIODIC: number;
  CRITICAL_ALERTS: number;
}

export const SILENCE_INTERVALS = Symbol('SILENCE_INTERVALS');

const MINUTE_MS = 60_000;

/**
 * The service's own settings from its loaded configuration; a configuration
 * loaded without them (a test's platform config) gets the reference values.
 */
export const enrolmentSettingsProviders = (rightsRetry?: RightsRetryPolicy): Provider[] => [
  {
    provide: SILENCE_INTERVALS,
    inject: [PLATFORM_CONFIG],
    useFactory: (config: Partial<EnrolmentConfig>): SilenceIntervals => ({
      PERIODIC: (config.PERIODIC_SILENCE_MINUTES ?? 26 * 60) * MINUTE_MS,
      CRITICAL_ALERTS: (config.CRITICAL_ALERTS_SILENCE_MINUTES ?? 60) * MINUTE_MS,
    }),
  },
  {
    provide: RIGHTS_RETRY,
    inject: [PLATFORM_CONFIG],
    useFactory: (config: Partial<EnrolmentConfig>): RightsRetryPolicy =>
      rightsRetry ?? {
        attempts: config.AMO_RIGHTS_ATTEMPTS ?? DEFAULT_RIGHTS_RETRY.attempts,
        delayMs: config.AMO_RIGHTS_RETRY_DELAY_MS ?? DEFAULT_RIGHTS_RETRY.delayMs,
      },
  },
];
