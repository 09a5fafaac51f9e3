import { envInteger, extendConfig } from '@app/service-kit';
import { DEFAULT_EXPECTED_INTERVALS } from './domain/transmissions';
import { DEFAULT_RIGHTS_RETRY } from './jobs/rights-check.queue';
import { AMO_RIGHTS_SIMULATOR_CONFIG } from './rights/amo-rights-simulator.config';

const MINUTE_MS = 60_000;

/**
 * The platform settings plus the enrolment service's own: the expected
 * intervals between two transmissions after which silence is a connectivity
 * incident (DOMAIN.md reference values, configurable), the AMO rights
 * check's retries, and the simulator's default answer.
 */
export const loadEnrolmentConfig = extendConfig({
  ...AMO_RIGHTS_SIMULATOR_CONFIG,
  /** PERIODIC monitoring: a few messages a day over LPWAN; silence beyond this is an incident. */
  PERIODIC_SILENCE_MINUTES: envInteger(1, 7 * 24 * 60).default(DEFAULT_EXPECTED_INTERVALS.PERIODIC / MINUTE_MS),
  /** CRITICAL_ALERTS monitoring: cellular or wired, an hour of silence is an incident. */
  CRITICAL_ALERTS_SILENCE_MINUTES: envInteger(1, 24 * 60).default(DEFAULT_EXPECTED_INTERVALS.CRITICAL_ALERTS / MINUTE_MS),
  /** Attempts of one AMO rights check before it is UNAVAILABLE, with exponential backoff from the delay. */
  AMO_RIGHTS_ATTEMPTS: envInteger(1, 20).default(DEFAULT_RIGHTS_RETRY.attempts),
  AMO_RIGHTS_RETRY_DELAY_MS: envInteger(1, 600_000).default(DEFAULT_RIGHTS_RETRY.delayMs),
});

export type EnrolmentConfig = ReturnType<typeof loadEnrolmentConfig>;
