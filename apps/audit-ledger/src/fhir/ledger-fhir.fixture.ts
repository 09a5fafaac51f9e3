import {
  canonicalJson,
  generateSigningKey,
  inclusionProof,
  leafHash,
  publicKeyToPem,
  rootFromLeafHashes,
  signTreeHead,
  textCommitment,
  toHex,
  type SignedTreeHead,
} from '@app/audit';
import type { Actor, SubjectRef } from '@app/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { InclusionProofView } from '../queries/get-inclusion-proof/get-inclusion-proof.query';
import { AuditStream, draft } from '../testing/audit-stream.fixture';
import type { LedgerFhirRow } from './ledger-fhir.row';

export const RPPS = '10003456789';
export const PSEUDONYM = 'a1'.repeat(32);
export const SALT = '00112233445566778899aabbccddeeff';
/** A justification as the physician typed it: only its commitment may appear anywhere. */
export const JUSTIFICATION = 'Zone blanche au domicile : transmission par le réseau fixe';

const physician: Actor = { id: 'prescriber-user', role: 'physician' };
const at = (minute: number) => new Date(Date.UTC(2026, 2, 4, 9, minute, 0, 250));

/**
 * A small ledger of real entries, sealed as the services seal them (their
 * test keys), hashed and put in a Merkle tree whose head a ledger key signs:
 * an issue with an override (its justification as a commitment), a refused
 * attempt, a consent, a failed submission and an adjudication of a claim, an
 * erasure. Proofs come from libs/audit's reference Merkle functions.
 */
export function ledgerFixture() {
  const prescriptions = new AuditStream('prescription', 'Prescription');
  const attempts = new AuditStream('prescription', 'attempt');
  const enrolments = new AuditStream('enrolment', 'Enrolment');
  const claims = new AuditStream('claims', 'Claim');
  const erasures = new AuditStream('patients', 'patient');
  const ids = { prescription: prescriptions.id, attempt: attempts.id, enrolment: enrolments.id, claim: claims.id, device: uuidv7() };
  const patient = `patient:${PSEUDONYM}` as SubjectRef;
  const device = `device:${ids.device}` as SubjectRef;
  const prescription = `prescription:${ids.prescription}` as SubjectRef;
  const evaluation = [{ ruleId: 'HOME_COVERAGE', outcome: 'WARN' }];
  const prescriber = { rpps: RPPS, specialty: 'cardiology' };
  const justification = { commitment: textCommitment(SALT, JUSTIFICATION) };

  const issued = prescriptions.record(
    {
      ...draft(physician, 'prescription.issued', prescription, [device, patient], 'ISSUED', {
        referentialVersion: '2026.1',
        evaluation,
        overrides: [{ ruleId: 'HOME_COVERAGE', justification }],
        prescriber,
        operatorOrg: 'TLSM-A',
        indication: 'HEART_FAILURE',
        durationMonths: 6,
      }),
      rulesVersion: 'has-referential/2026.1',
    },
    at(0),
  );
  const refused = attempts.record(
    {
      ...draft(physician, 'prescription.refused', `attempt:${ids.attempt}`, [device, patient], 'REFUSED', {
        referentialVersion: '2026.1',
        evaluation: [{ ruleId: 'INDICATION', outcome: 'BLOCK' }],
        overrides: [],
        unjustifiedWarnings: [],
        prescriber,
      }),
      rulesVersion: 'has-referential/2026.1',
    },
    at(1),
  );
  const consent = enrolments.record(
    draft({ id: 'operator-user', role: 'operator' }, 'enrolment.consent_recorded', `enrolment:${ids.enrolment}`, [prescription, device, patient], 'CONSENT_GIVEN', {
      status: 'PENDING_CONSENT',
      operatorOrg: 'TLSM-A',
    }),
    at(2),
  );
  const related: SubjectRef[] = [`enrolment:${ids.enrolment}`, prescription, device, patient];
  const failed = claims.record(
    draft({ id: 'system:amo-claims', role: 'system' }, 'claim.submission_failed', `claim:${ids.claim}`, related, 'SUBMISSION_FAILED', { status: 'SUBMISSION_FAILED' }),
    at(3),
  );
  const adjudicated = claims.record(
    { ...draft({ id: 'processor-user', role: 'claims_processor' }, 'claim.adjudicated', `claim:${ids.claim}`, related, 'APPROVED', { status: 'APPROVED' }), rulesVersion: 'lpp-tariff/2026.1' },
    at(4),
  );
  const erased = erasures.record(
    draft({ id: 'admin-user', role: 'admin' }, 'patient.erased', patient, [], 'ERASED', { legalBasis: 'ERASURE_REQUEST', note: { commitment: textCommitment(SALT, 'demande écrite') } }),
    at(5),
  );

  const sealed = [issued, refused, consent, failed, adjudicated, erased];
  const leaves = sealed.map(({ entry }) => leafHash(new TextEncoder().encode(canonicalJson(entry))));
  const rows: LedgerFhirRow[] = sealed.map(({ entry }, index) => ({
    index,
    entry,
    leafHash: toHex(leaves[index]),
    entryJcs: canonicalJson(entry),
    recordedAt: new Date(Date.parse(entry.occurredAt) + 40),
  }));
  const ledgerKey = generateSigningKey();
  const treeHead: SignedTreeHead = signTreeHead(ledgerKey, Date.UTC(2026, 2, 4, 9, 10), leaves.length, rootFromLeafHashes(leaves));
  const proofOf = (index: number): InclusionProofView => ({
    leafIndex: index,
    treeSize: leaves.length,
    leafHash: toHex(leaves[index]),
    path: inclusionProof(leaves, index, leaves.length).map(toHex),
  });
  const [issue, attempt, consentRow, failedRow, adjudicatedRow, erasure] = rows;
  return { ids, rows, byStep: { issue, attempt, consent: consentRow, failed: failedRow, adjudicated: adjudicatedRow, erasure }, treeHead, proofOf, ledgerPublicKeyPem: publicKeyToPem(ledgerKey.publicKey) };
}
