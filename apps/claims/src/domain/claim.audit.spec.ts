import { partyOf } from '@app/audit';
import type { AuditEntry, StepActorV1 } from '@app/contracts';
import type { AuditDraft } from '@app/event-sourcing/decider/audit-draft';
import { foldEvents } from '@app/event-sourcing/decider/decider';
import { isDisclosable } from '@app/event-sourcing/decider/disclosable';
import { claimAuditDraft } from './claim.audit';
import type { ClaimCommand } from './claim.commands';
import { claimDecider } from './claim.decider';
import {
  ADMIN,
  CLAIM_ID,
  DEVICE_ID,
  ENROLMENT_ID,
  IDENTITY_ENCRYPTED,
  OPERATOR,
  PRESCRIBER_RPPS,
  PRESCRIPTION_ID,
  PROCESSOR,
  PSEUDONYM,
  RENEWAL_ID,
  RENEWING_PRESCRIBER_RPPS,
  approve,
  approvedHistory,
  auditActorOf,
  cancelClaim,
  cancelledPaidHistory,
  contestClaim,
  createClaim,
  createdHistory,
  failed,
  failedHistory,
  paidHistory,
  partial,
  payClaim,
  received,
  refused,
  reject,
  rejectedHistory,
  requestResubmission,
  sealed,
  settleCredit,
  submittedHistory,
} from './claim.fixtures';
import type { ClaimEvent } from './claim.state';

const SYSTEM: StepActorV1 = { role: 'system', id: 'system:billing-run' };
const fold = (events: ClaimEvent[]) => foldEvents(claimDecider, events);

function draftOf(history: ClaimEvent[], command: ClaimCommand, actor: StepActorV1 = SYSTEM): AuditDraft {
  const events = claimDecider.decide(command, fold(history));
  const draft = claimAuditDraft(events, fold([...history, ...events]), auditActorOf(actor));
  if (!draft) throw new Error('no draft');
  return draft;
}

/** Every key and string value of a draft, at any depth. */
function leaves(value: unknown, found: string[] = []): string[] {
  if (typeof value === 'string') found.push(value);
  else if (Array.isArray(value)) value.forEach((item) => leaves(item, found));
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      found.push(key);
      leaves(inner, found);
    }
  }
  return found;
}

const RELATED = [`enrolment:${ENROLMENT_ID}`, `prescription:${PRESCRIPTION_ID}`, `prescription:${RENEWAL_ID}`, `device:${DEVICE_ID}`, `patient:${PSEUDONYM}`];
const READERS = [`physician:${PRESCRIBER_RPPS}`, `physician:${RENEWING_PRESCRIBER_RPPS}`];

describe('claim audit entries', () => {
  it('names the claim, its enrolment, every prescription, the device and the patient; never the identity; the tariff version as its rules', () => {
    const draft = draftOf([], createClaim());
    expect(draft).toMatchObject({
      actor: { id: SYSTEM.id, role: 'system' },
      action: 'claim.created',
      decision: 'CREATED',
      subject: `claim:${CLAIM_ID}`,
      relatedSubjects: RELATED,
      rulesVersion: '2023-07',
      evidence: { status: 'CREATED', period: '2026-04', patient: { pseudonym: PSEUDONYM }, totalCents: 4883, lines: [{ kind: 'OPERATOR' }, { kind: 'TECHNICAL' }] },
    });
    expect(leaves(draft)).not.toContain('identityEncrypted');
    expect(JSON.stringify(draft)).not.toContain(IDENTITY_ENCRYPTED);
    expect(draft.evidence).not.toHaveProperty('effects');
  });

  it('records a claim created rejected by validation, with the rejection among its effects', () =>
    expect(draftOf([], createClaim({ rejection: { reasonCode: 'TARIFF_MISMATCH' } }))).toMatchObject({
      action: 'claim.created',
      decision: 'CREATED',
      evidence: { status: 'REJECTED', effects: [{ type: 'ClaimRejected', action: 'claim.rejected', decision: 'REJECTED_VALIDATION', data: { reasonCode: 'TARIFF_MISMATCH', note: null } }] },
    }));

  it.each([
    ['submitted', createdHistory(), received(), 'claim.submitted', 'SUBMITTED'],
    ['refused by the AMO', createdHistory(), refused(), 'claim.rejected', 'REJECTED_AMO'],
    ['failed', createdHistory(), failed(), 'claim.submission_failed', 'SUBMISSION_FAILED'],
    ['resubmitted', failedHistory(), requestResubmission(), 'claim.resubmission_requested', 'RESUBMISSION_REQUESTED'],
    ['approved', submittedHistory(), approve(), 'claim.adjudicated', 'APPROVED'],
    ['decided line by line', submittedHistory(), partial(), 'claim.adjudicated', 'PARTIAL'],
    ['paid', approvedHistory(), payClaim(), 'claim.paid', 'PAID'],
    ['credit settled', cancelledPaidHistory(), settleCredit(), 'claim.credit_settled', 'CREDIT_SETTLED'],
  ] as Array<[string, ClaimEvent[], ClaimCommand, string, string]>)('names the step when %s', (_what, history, command, action, decision) =>
    expect(draftOf(history, command)).toMatchObject({ action, decision, subject: `claim:${CLAIM_ID}`, relatedSubjects: RELATED, rulesVersion: '2023-07' }));

  it("holds a processor's rejection note as a disclosable text the prescribers may read, as the processor's step", () => {
    const draft = draftOf(submittedHistory(), reject('DUPLICATE'), PROCESSOR);
    expect(draft).toMatchObject({ action: 'claim.rejected', decision: 'REJECTED_PROCESSOR', actor: { role: 'claims_processor' }, evidence: { status: 'REJECTED', source: 'PROCESSOR', reasonCode: 'DUPLICATE' } });
    expect(isDisclosable(draft.evidence.note)).toBe(true);
    expect(draft.evidence.note).toMatchObject({ commitment: sealed('days not justified').commitment, aad: `claim:${CLAIM_ID}#rejection.note`, pseudonym: PSEUDONYM, readers: READERS });
    const serialised = JSON.stringify(draft);
    expect(serialised).not.toContain(sealed('days not justified').ciphertext);
    expect(serialised).toContain(sealed('days not justified').commitment);
    expect(partyOf(draft as unknown as AuditEntry, { homeCoverageOverridden: false })).toBe('claims_processor');
  });

  it('holds a cancellation reason as a disclosable text, as the admin’s step', () => {
    const draft = draftOf(paidHistory(), cancelClaim(), ADMIN);
    expect(draft).toMatchObject({ action: 'claim.cancelled', decision: 'CANCELLED', actor: { role: 'admin' }, evidence: { status: 'CANCELLED', creditCents: 2930, cause: 'BY_ADMIN' } });
    expect(draft.evidence.reason).toMatchObject({ aad: `claim:${CLAIM_ID}#cancellation.reason`, readers: READERS });
    expect(JSON.stringify(draft)).not.toContain(sealed('billed under the wrong prescription').ciphertext);
    expect(draftOf(paidHistory(), cancelClaim({ reason: null, cause: 'CORRECTED' })).evidence.reason).toBeNull();
  });

  it("holds a contest note as a disclosable text, as the payee's step", () => {
    const draft = draftOf(rejectedHistory(), contestClaim(OPERATOR), OPERATOR);
    expect(draft).toMatchObject({ action: 'claim.contested', decision: 'CONTESTED', evidence: { status: 'SUBMITTED', contestedBy: OPERATOR } });
    expect(draft.evidence.note).toMatchObject({ aad: `claim:${CLAIM_ID}#contest.note`, pseudonym: PSEUDONYM });
    expect(JSON.stringify(draft)).not.toContain(sealed('the transmissions prove the days').ciphertext);
    expect(partyOf(draft as unknown as AuditEntry, { homeCoverageOverridden: false })).toBe('operator');
  });

  it('writes nothing for a step that decided nothing', () => {
    expect(claimAuditDraft([], fold(paidHistory()), auditActorOf(SYSTEM))).toBeNull();
    expect(claimAuditDraft([], claimDecider.initialState(), auditActorOf(SYSTEM))).toBeNull();
  });
});
