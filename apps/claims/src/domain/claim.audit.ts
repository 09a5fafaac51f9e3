import type { Actor, SealedTextV1, SubjectRef } from '@app/contracts';
import { CLAIM_SEALED_FIELDS } from '@app/contracts';
import type { AuditDraft } from '@app/event-sourcing/decider/audit-draft';
import { disclosable } from '@app/event-sourcing/decider/disclosable';
import { physicianReader } from '@app/event-sourcing/disclosures/disclosure-readers';
import { claimFieldAad, claimRow, type ClaimSealedField } from './claim-fields';
import type { Claim, ClaimEvent, ClaimState } from './claim.state';

/** The action and decision an entry names, from the step's first event (what was decided; the others are its effects). */
function decisionOf(event: ClaimEvent): { action: string; decision: string } {
  switch (event.type) {
    case 'ClaimCreated':
      return { action: 'claim.created', decision: 'CREATED' };
    case 'ClaimRejected':
      return { action: 'claim.rejected', decision: `REJECTED_${event.data.source}` };
    case 'ClaimSubmitted':
      return { action: 'claim.submitted', decision: 'SUBMITTED' };
    case 'ClaimSubmissionFailed':
      return { action: 'claim.submission_failed', decision: 'SUBMISSION_FAILED' };
    case 'ClaimResubmissionRequested':
      return { action: 'claim.resubmission_requested', decision: 'RESUBMISSION_REQUESTED' };
    case 'ClaimAdjudicated':
      return { action: 'claim.adjudicated', decision: event.data.decision === 'APPROVE' ? 'APPROVED' : 'PARTIAL' };
    case 'ClaimPaid':
      return { action: 'claim.paid', decision: 'PAID' };
    case 'ClaimCancelled':
      return { action: 'claim.cancelled', decision: 'CANCELLED' };
    case 'ClaimContested':
      return { action: 'claim.contested', decision: 'CONTESTED' };
    case 'ClaimCreditSettled':
      return { action: 'claim.credit_settled', decision: 'CREDIT_SETTLED' };
  }
}

/** A free text in an entry: its commitment; the text is disclosed in the dossier to auditors and the prescribers. */
function disclosed(claim: Claim, text: SealedTextV1 | null, field: ClaimSealedField) {
  if (!text) return null;
  return disclosable(text, {
    aad: claimFieldAad(claim.claim.claimId, field),
    pseudonym: claim.claim.patient.pseudonym,
    readers: claim.claim.prescriberRpps.map(physicianReader),
  });
}

/** An event's data as an entry holds it: no identity ciphertext (the pseudonym stays), every text as its commitment. */
function evidenceOf(claim: Claim, event: ClaimEvent): Record<string, unknown> {
  switch (event.type) {
    case 'ClaimCreated': {
      const { patient, ...data } = event.data;
      return { ...data, patient: { pseudonym: patient.pseudonym } };
    }
    case 'ClaimRejected':
      return { ...event.data, note: disclosed(claim, event.data.note, CLAIM_SEALED_FIELDS.rejectionNote) };
    case 'ClaimCancelled':
      return { ...event.data, reason: disclosed(claim, event.data.reason, CLAIM_SEALED_FIELDS.cancellationReason) };
    case 'ClaimContested':
      return { ...event.data, note: disclosed(claim, event.data.note, CLAIM_SEALED_FIELDS.contestNote) };
    default:
      return { ...event.data };
  }
}

/**
 * One step's audit entry. It names the claim, its enrolment, every
 * prescription of the chain, the device product and the patient's
 * pseudonym, so the prescription's dossier shows billing and payment with
 * their parties. Never the identity, never a free text in clear; the rules
 * it applied are the tariff version's.
 */
export function claimAuditDraft(events: ClaimEvent[], state: ClaimState, actor: Actor): AuditDraft | null {
  if (events.length === 0 || state.status === 'NONE') return null;
  const [first, ...effects] = events;
  const { claim } = state;
  const relatedSubjects: SubjectRef[] = [
    `enrolment:${claim.enrolmentId}`,
    ...claim.prescriptionIds.map((id) => `prescription:${id}` as const),
    `device:${claim.device.id}`,
    `patient:${claim.patient.pseudonym}`,
  ];
  return {
    actor,
    ...decisionOf(first),
    subject: claimRow(claim.claimId),
    relatedSubjects,
    evidence: {
      status: state.status,
      period: claim.period,
      ...evidenceOf(state, first),
      ...(effects.length > 0 ? { effects: effects.map((effect) => ({ type: effect.type, ...decisionOf(effect), data: evidenceOf(state, effect) })) } : {}),
    },
    rulesVersion: claim.tariffVersion,
  };
}
