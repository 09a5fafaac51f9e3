import { ASSURANCE_MALADIE, patientReference } from '@app/fhir';
import { parisDate } from '@app/fr-health';
import type { ClaimResponse, ClaimResponseItem, ClaimResponseItemAdjudication, ClaimResponsePayment, ClaimResponseTotal } from '@medplum/fhirtypes';
import type { ClaimView, RejectionView } from '../../projections/claim-view';
import {
  adjudicationCategory,
  CLAIM_CODE_SYSTEMS,
  CLAIM_EXTENSIONS,
  CLAIM_NAMING_SYSTEMS,
  CLAIM_TYPE,
  CLAIM_USE,
  claimProvider,
  euros,
  numberedLines,
  reasonConcept,
} from '../claim-fhir-codes';

/** Stored or opened alike: only whether there is a rejection or an adjudication matters. */
type Answered = { rejection?: unknown; adjudication?: unknown };

/**
 * A claim has an answer once it was refused (by validation, by the AMO at
 * submission, by a claims processor) or adjudicated (approved whole or line
 * by line, then paid): a CREATED, SUBMITTED (a contested one included: its
 * rejection is under review) or SUBMISSION_FAILED claim has none. The SQL form
 * is the `answered` filter of ClaimsRepository.list.
 */
export const hasAnswer = (view: Answered): boolean => Boolean(view.rejection || view.adjudication);

/** The FHIR codes of `ClaimResponse?status=`, as the claim statuses they stand for (among the answered claims). */
export const CLAIM_RESPONSE_STATUS_OF_FHIR: Record<'active' | 'cancelled', readonly ClaimView['status'][]> = {
  active: ['APPROVED', 'REJECTED', 'PAID'],
  cancelled: ['CANCELLED'],
};

const PAYMENT_COMPLETE = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/ex-paymenttype', code: 'complete', display: 'Complete' }] };

const REFUSED_BY: Record<RejectionView<string>['source'], string> = {
  VALIDATION: "the platform's validation, before submission",
  AMO: 'the Assurance Maladie at submission',
  PROCESSOR: 'a claims processor',
};

function disposition(view: ClaimView): string {
  let text: string;
  if (view.rejection) {
    const reason = reasonConcept(view.rejection.reasonCode);
    text = `Rejected by ${REFUSED_BY[view.rejection.source]}: ${reason.text ?? view.rejection.reasonCode}`;
  } else {
    const approved = view.lines.filter((line) => !line.rejection).length;
    text = view.adjudication?.decision === 'PARTIAL' ? `Partially approved: ${approved} of ${view.lines.length} lines` : 'Approved';
  }
  if (view.payment) text += '; paid';
  if (view.status === 'CANCELLED') text += '; the claim was cancelled since';
  return text;
}

/**
 * Per line: what was claimed; then, for an adjudicated claim, the amount
 * approved, the AMO rate and the AMO share of it (the benefit), a rejected
 * line's reason on its zero benefit; for a claim refused whole, a zero
 * benefit with the claim's reason.
 */
function lineAdjudication(view: ClaimView, line: ClaimView['lines'][number]): ClaimResponseItemAdjudication[] {
  const submitted = { category: adjudicationCategory('submitted'), amount: euros(line.amountCents) };
  if (view.rejection) return [submitted, { category: adjudicationCategory('benefit'), reason: reasonConcept(view.rejection.reasonCode), amount: euros(0) }];
  return [
    submitted,
    { category: adjudicationCategory('eligible'), amount: euros(line.approvedCents ?? line.amountCents) },
    { category: adjudicationCategory('eligpercent'), value: view.amoRatePercent },
    {
      category: adjudicationCategory('benefit'),
      ...(line.rejection ? { reason: reasonConcept(line.rejection.reasonCode) } : {}),
      amount: euros(line.amoShareCents),
    },
  ];
}

function totals(view: ClaimView): ClaimResponseTotal[] {
  const submitted = { category: adjudicationCategory('submitted'), amount: euros(view.totalCents) };
  if (view.rejection) return [submitted, { category: adjudicationCategory('benefit'), amount: euros(0) }];
  return [
    submitted,
    { category: adjudicationCategory('eligible'), amount: euros(view.approvedCents ?? view.totalCents) },
    { category: adjudicationCategory('benefit'), amount: euros(view.amoShareCents) },
  ];
}

function payment({ reference, paidAt, amountCents }: NonNullable<ClaimView['payment']>): ClaimResponsePayment {
  return {
    extension: [{ url: CLAIM_EXTENSIONS.paidAt, valueInstant: paidAt }],
    type: PAYMENT_COMPLETE,
    // A date only in FHIR: the Paris day, as every date of the platform.
    date: parisDate(new Date(paidAt)),
    amount: euros(amountCents),
    identifier: { system: CLAIM_NAMING_SYSTEMS.paymentReference, value: reference },
  };
}

/**
 * A claim's answer as FHIR R4 `ClaimResponse` (id = the claim's id), or null
 * while it has none (hasAnswer). `created` is the decision's time; `outcome`
 * is `error` for a claim refused whole (the reason in `error`, with who
 * refused it), `complete` for an adjudicated one, a PARTIAL decision
 * included: every line was adjudicated, the rejected ones with a zero
 * benefit and their reason (R4's `partial` means adjudication still under way).
 */
export function claimResponseResource(view: ClaimView): ClaimResponse | null {
  if (!hasAnswer(view)) return null;
  const { rejection } = view;
  const decidedAt = rejection?.rejectedAt ?? view.adjudication?.adjudicatedAt ?? view.updatedAt;
  const items: ClaimResponseItem[] = numberedLines(view).map(({ sequence, line }) => ({ itemSequence: sequence, adjudication: lineAdjudication(view, line) }));
  return {
    resourceType: 'ClaimResponse',
    id: view.id,
    meta: { versionId: String(view.version), lastUpdated: view.updatedAt },
    ...(view.amoReference ? { identifier: [{ system: CLAIM_NAMING_SYSTEMS.amoReference, value: view.amoReference }] } : {}),
    status: view.status === 'CANCELLED' ? 'cancelled' : 'active',
    type: CLAIM_TYPE,
    use: CLAIM_USE,
    patient: patientReference(view.patient.pseudonym),
    created: decidedAt,
    insurer: ASSURANCE_MALADIE,
    requestor: claimProvider(view),
    request: { reference: `Claim/${view.id}` },
    outcome: rejection ? 'error' : 'complete',
    disposition: disposition(view),
    ...(items.length > 0 ? { item: items } : {}),
    ...(rejection
      ? {
          error: [
            {
              extension: [{ url: CLAIM_EXTENSIONS.rejectionSource, valueCoding: { system: CLAIM_CODE_SYSTEMS.rejectionSource, code: rejection.source } }],
              code: reasonConcept(rejection.reasonCode),
            },
          ],
        }
      : {}),
    total: totals(view),
    ...(view.payment ? { payment: payment(view.payment) } : {}),
    ...(rejection?.note ? { processNote: [{ number: 1, type: 'display' as const, text: rejection.note }] } : {}),
  };
}
