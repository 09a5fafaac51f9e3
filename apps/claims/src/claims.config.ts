import { envInteger, envString, extendConfig } from '@app/service-kit';
import { DEFAULT_SUBMISSION_RETRY } from './submission/submission.queue';
import { AMO_CLAIMS_SIMULATOR_CONFIG } from './submission/amo-claims-simulator.config';

/**
 * The platform settings plus the claims service's own: the minimum of
 * billable days of a month, how long after a month's end the every-minute
 * run bills it (late transmissions are in), where the tariff table is, the
 * AMO submission's retries, the simulator's default, and how soon after an
 * approval the payment job runs.
 */
export const loadClaimsConfig = extendConfig({
  ...AMO_CLAIMS_SIMULATOR_CONFIG,
  /** Below this many billable days a month gives no claim (BELOW_MINIMUM_DAYS). */
  MINIMUM_BILLABLE_DAYS: envInteger(1, 31).default(10),
  /** The scheduled run bills a month once the platform clock has passed its end by this many hours. */
  BILLING_GRACE_HOURS: envInteger(0, 24 * 27).default(24),
  /** The versioned tariff table (JSON); a relative path is resolved from the repository's root. */
  TARIFFS_FILE: envString().default('apps/claims/src/tariffs/tariffs.json'),
  /** Attempts of one submission to the AMO before it is SUBMISSION_FAILED, with exponential backoff from the delay. */
  AMO_CLAIMS_ATTEMPTS: envInteger(1, 20).default(DEFAULT_SUBMISSION_RETRY.attempts),
  AMO_CLAIMS_RETRY_DELAY_MS: envInteger(1, 600_000).default(DEFAULT_SUBMISSION_RETRY.delayMs),
  /** The payment job runs this long after an approval (approvals of the same window are paid together). */
  PAYMENT_DELAY_MS: envInteger(0, 600_000).default(3_000),
});

export type ClaimsConfig = ReturnType<typeof loadClaimsConfig>;
