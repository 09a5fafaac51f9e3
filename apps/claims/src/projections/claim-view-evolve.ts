import type { ClaimEventV1 } from '@app/contracts';
import { createdView, type ClaimLineView, type StoredClaimView } from './claim-view';

/**
 * Folds one claim event into the stored representation (pure): what the
 * `claims` row answers after it. `version` is the stream's version after the
 * step, `at` its instant.
 */
export function evolveClaimView(view: StoredClaimView | null, event: ClaimEventV1, version: number, at: string): StoredClaimView {
  if (event.type === 'ClaimCreated') return createdView(event.data, version, at);
  if (!view) throw new Error(`claim event ${event.type} before ClaimCreated`);
  const next: StoredClaimView = { ...view, version, updatedAt: at };
  switch (event.type) {
    case 'ClaimRejected': {
      const { source, reasonCode, note, rejectedAt } = event.data;
      return { ...next, status: 'REJECTED', rejection: { source, reasonCode, ...(note ? { note } : {}), rejectedAt } };
    }
    case 'ClaimSubmitted':
      return {
        ...withoutFailure(next),
        status: 'SUBMITTED',
        amoReference: event.data.amoReference,
        submittedAt: event.data.submittedAt,
      };
    case 'ClaimSubmissionFailed': {
      const { attempts, failedAt, lastError } = event.data;
      return { ...next, status: 'SUBMISSION_FAILED', submissionFailure: { attempts, failedAt, lastError } };
    }
    case 'ClaimResubmissionRequested':
      return { ...next, status: 'CREATED', submission: event.data.submission };
    case 'ClaimAdjudicated': {
      const { decision, lines, approvedCents, amoShareCents, patientShareCents, adjudicatedAt } = event.data;
      const decided = new Map(lines.map((line) => [line.kind, line]));
      const adjudicated = view.lines.map((line): ClaimLineView => {
        const one = decided.get(line.kind);
        if (!one) return line;
        const { rejection: _previous, ...rest } = line;
        return {
          ...rest,
          amoShareCents: one.amoShareCents,
          approvedCents: one.approvedCents,
          ...(one.decision === 'REJECT' ? { rejection: { source: 'PROCESSOR', reasonCode: one.reasonCode ?? 'OTHER' } } : {}),
        };
      });
      return {
        ...next,
        status: 'APPROVED',
        lines: adjudicated,
        approvedCents,
        amoShareCents,
        patientShareCents,
        adjudication: { decision, adjudicatedAt },
      };
    }
    case 'ClaimPaid': {
      const { reference, paidAt, amountCents } = event.data;
      return { ...next, status: 'PAID', payment: { reference, paidAt, amountCents } };
    }
    case 'ClaimCancelled': {
      const { cause, reason, supersededBy, creditCents, cancelledAt } = event.data;
      return {
        ...next,
        status: 'CANCELLED',
        cancellation: { cause, ...(reason ? { reason } : {}), supersededBy, cancelledAt },
        creditCents,
        creditSettled: false,
        correctedBy: cause === 'CORRECTED' && supersededBy ? supersededBy : view.correctedBy,
      };
    }
    case 'ClaimContested': {
      const { note, contestedAt } = event.data;
      const { rejection, ...rest } = next;
      if (!rejection) throw new Error(`claim ${view.id} contested without a rejection`);
      return { ...rest, status: 'SUBMITTED', contested: true, contest: { note, contestedAt, rejection }, submittedAt: contestedAt };
    }
    case 'ClaimCreditSettled':
      return { ...next, creditSettled: true };
  }
}

function withoutFailure({ submissionFailure: _failure, ...view }: StoredClaimView): StoredClaimView {
  return view;
}
