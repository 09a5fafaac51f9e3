import type { ClaimCreatedV1 } from '@app/contracts';
import type { ReasonCode } from '../reason-codes';
import type { TariffTable } from '../tariffs/tariff-table';
import type { DeviceFacts, EnrolmentFacts } from './billing-facts';
import { billableDates } from './billable-days';
import { claimDraft } from './claim-draft';
import { consentDuring, validateClaim } from './claim-validation';
import type { Period } from './period';

/** Why an enrolment of the period gets no claim (API.md billing runs), checked in this order. */
export type SkipReason = 'ALREADY_CLAIMED' | 'NO_CONSENT' | 'RIGHTS_CLOSED' | 'BELOW_MINIMUM_DAYS';

export interface ClaimPlanInput {
  enrolment: EnrolmentFacts;
  device: DeviceFacts | null;
  period: Period;
  tariffs: TariffTable;
  /** The file active of the period's semester (frozen at its first run). */
  fileActive: { semester: string; patients: number };
  minimumDays: number;
  /** The (pseudonym, indication, period) key is taken. */
  alreadyClaimed: boolean;
  ids: { claimId: string; billingRunId: string };
  now: Date;
  /** Set for a corrective claim: the claim it replaces. */
  correctionOf?: string | null;
}

export type ClaimPlan = { kind: 'SKIP'; reason: SkipReason } | { kind: 'CLAIM'; claim: ClaimCreatedV1; rejection: { reasonCode: ReasonCode } | null };

/**
 * What a billing run does with one enrolment for one month: skip it (with
 * the reason), or claim it, validated (a failing claim is created rejected).
 * A correction replaces a claim already made, so it is never skipped: the
 * facts that no longer bill the month reject it (NOT_BILLABLE_DAYS, ...).
 */
export function planClaim(input: ClaimPlanInput): ClaimPlan {
  const { enrolment, device, period } = input;
  const correcting = Boolean(input.correctionOf);
  if (!correcting) {
    if (input.alreadyClaimed) return { kind: 'SKIP', reason: 'ALREADY_CLAIMED' };
    if (!consentDuring(enrolment, period)) return { kind: 'SKIP', reason: 'NO_CONSENT' };
    if (enrolment.rightsStatus === 'CLOSED') return { kind: 'SKIP', reason: 'RIGHTS_CLOSED' };
  }
  const dates = billableDates(enrolment, device, period);
  if (!correcting && dates.length < input.minimumDays) return { kind: 'SKIP', reason: 'BELOW_MINIMUM_DAYS' };
  const claim = claimDraft({ ...input, dates });
  const rejection = validateClaim({ claim, enrolment, device, period, tariffs: input.tariffs, minimumDays: input.minimumDays });
  return { kind: 'CLAIM', claim, rejection };
}
