import { PLATFORM_CONFIG } from '@app/service-kit';
import type { Provider } from '@nestjs/common';
import type { ClaimsConfig } from './claims.config';
import { SUBMISSION_RETRY, type SubmissionRetryPolicy } from './submission/submission.queue';

/** What a billing run needs of the configuration. */
export interface BillingSettings {
  minimumDays: number;
  graceHours: number;
}

/** How soon after an approval the payment job runs. */
export interface PaymentSettings {
  delayMs: number;
}

export const BILLING_SETTINGS = Symbol('BILLING_SETTINGS');
export const PAYMENT_SETTINGS = Symbol('PAYMENT_SETTINGS');

/** The service's own settings, from its loaded configuration (claims.config.ts holds their defaults). */
export const claimsSettingsProviders = (submissionRetry?: SubmissionRetryPolicy): Provider[] => [
  {
    provide: BILLING_SETTINGS,
    inject: [PLATFORM_CONFIG],
    useFactory: (config: ClaimsConfig): BillingSettings => ({ minimumDays: config.MINIMUM_BILLABLE_DAYS, graceHours: config.BILLING_GRACE_HOURS }),
  },
  {
    provide: PAYMENT_SETTINGS,
    inject: [PLATFORM_CONFIG],
    useFactory: (config: ClaimsConfig): PaymentSettings => ({ delayMs: config.PAYMENT_DELAY_MS }),
  },
  {
    provide: SUBMISSION_RETRY,
    inject: [PLATFORM_CONFIG],
    useFactory: (config: ClaimsConfig): SubmissionRetryPolicy =>
      submissionRetry ?? { attempts: config.AMO_CLAIMS_ATTEMPTS, delayMs: config.AMO_CLAIMS_RETRY_DELAY_MS },
  },
];
