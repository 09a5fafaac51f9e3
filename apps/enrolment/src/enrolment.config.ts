import { envInteger, extendConfig } from '@app/service-kit';
import { AMO_RIGHTS_SIMULATOR_CONFIG } from './rights/amo-rights-simulator.config';

/**
 * The platform settings plus the enrolment service's own: the expected
 * intervals between two transmissions after which silence is a connectivity
 * incident (DOMAIN.md reference values, configurable), the AMO rights
 * check's retries, and the simulator's default answer.
 */
export const loadEnrolmentConfig = extendConfig({
  ...AMO_RIGHTS_SIMULATOR_CONFIG,
  /** PERIODIC monitoring: a few messages a day over LPWAN; silence beyond this is an incident. */
  PERIODIC_SILENCE_MINUTES: envInteger(1, 7 * 24 * 60).default(26 * 60),
  /** CRITICAL_ALERTS monitoring: cellular or wired, an hour of silence is an incident. */
  CRITICAL_ALERTS_SILENCE_MINUTES: envInteger(1, 24 * 60).default(60),
  /** Attempts of one AMO rights check before it is UNAVAILABLE, with exponential backoff from the delay. */
  AMO_RIGHTS_ATTEMPTS: envInteger(1, 20).default(5),
  AMO_RIGHTS_RETRY_DELAY_MS: envInteger(1, 600_000).default(2_000),
});

export type EnrolmentConfig = ReturnType<typeof loadEnrolmentConfig>;
