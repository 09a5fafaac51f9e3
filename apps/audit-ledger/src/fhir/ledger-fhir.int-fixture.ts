import type { Actor, SubjectRef } from '@app/contracts';
import type { Bundle, OperationOutcome, Resource } from '@medplum/fhirtypes';
import request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import { bearer, PRESCRIBER_RPPS, tokens, waitFor, type AuditLedgerTestApp } from '../testing/audit-ledger.test-app';
import { AuditStream, draft, publish } from '../testing/audit-stream.fixture';

const patientPseudonym = (nir: string): string => JSON.parse(Buffer.from(bearer({ role: 'patient', nir }).split(' ')[1].split('.')[1], 'base64url').toString()).pseudonym;

const prescriber: Actor = { id: 'prescriber-user', role: 'physician' };
const otherPhysician: Actor = { id: 'other-physician', role: 'physician' };

/**
 * Two patients' steps published to the ledger's topic as the services seal
 * them, in two waves (so `_lastUpdated` has a boundary): A's prescription by
 * the prescriber of the test app's tokens, its consent and its claim; B's
 * prescription and refused attempt by another physician, and B's erasure; a
 * device certification naming no patient. The FHIR answers are read through
 * the service's own HTTP server.
 */
export class LedgerFhirFeed {
  readonly a = patientPseudonym('184037512345690');
  readonly b = patientPseudonym('284037512345739');
  readonly ids = { device: uuidv7(), enrolment: '', claim: '', prescriptionA: '', prescriptionB: '', attemptB: '' };
  /** Entry ids by step. */
  readonly entries: Record<'certified' | 'issuedA' | 'consentA' | 'issuedB' | 'claimA' | 'refusedB' | 'erasedB', string> = {} as never;

  constructor(private readonly t: AuditLedgerTestApp) {}

  http = () => request(this.t.app.getHttpServer());

  async firstWave(): Promise<void> {
    const device = new AuditStream('device-certification', 'DeviceProduct');
    this.ids.device = device.id;
    const pA = new AuditStream('prescription', 'Prescription');
    const pB = new AuditStream('prescription', 'Prescription');
    const enrolment = new AuditStream('enrolment', 'Enrolment');
    Object.assign(this.ids, { prescriptionA: pA.id, prescriptionB: pB.id, enrolment: enrolment.id });
    const deviceRef: SubjectRef = `device:${device.id}`;
    this.entries.certified = device.record({ ...draft({ id: 'evaluator-user', role: 'evaluator' }, 'device.certified', deviceRef, [], 'CERTIFIED'), rulesVersion: 'device-certification/2026.1' }).entry.id;
    this.entries.issuedA = pA.record({
      ...draft(prescriber, 'prescription.issued', `prescription:${pA.id}`, [deviceRef, `patient:${this.a}`], 'ISSUED', {
        prescriber: { rpps: PRESCRIBER_RPPS, specialty: 'cardiology' },
        overrides: [{ ruleId: 'HOME_COVERAGE', justification: { commitment: 'c0'.repeat(32) } }],
      }),
      rulesVersion: 'has-referential/2026.1',
    }).entry.id;
    this.entries.consentA = enrolment.record(
      draft({ id: 'operator-user', role: 'operator' }, 'enrolment.consent_recorded', `enrolment:${enrolment.id}`, [`prescription:${pA.id}`, deviceRef, `patient:${this.a}`], 'CONSENT_GIVEN'),
    ).entry.id;
    this.entries.issuedB = pB.record({
      ...draft(otherPhysician, 'prescription.issued', `prescription:${pB.id}`, [deviceRef, `patient:${this.b}`], 'ISSUED', { prescriber: { rpps: '10009999999', specialty: 'cardiology' } }),
      rulesVersion: 'has-referential/2026.1',
    }).entry.id;
    await this.publishAll([device, pA, pB, enrolment], 4);
  }

  async secondWave(): Promise<void> {
    const claim = new AuditStream('claims', 'Claim');
    const attempt = new AuditStream('prescription', 'attempt');
    const erasure = new AuditStream('patients', 'patient');
    Object.assign(this.ids, { claim: claim.id, attemptB: attempt.id });
    const deviceRef: SubjectRef = `device:${this.ids.device}`;
    this.entries.claimA = claim.record(
      draft({ id: 'system:billing-run', role: 'system' }, 'claim.created', `claim:${claim.id}`, [`enrolment:${this.ids.enrolment}`, `prescription:${this.ids.prescriptionA}`, deviceRef, `patient:${this.a}`], 'CREATED'),
    ).entry.id;
    this.entries.refusedB = attempt.record({
      ...draft(otherPhysician, 'prescription.refused', `attempt:${attempt.id}`, [deviceRef, `patient:${this.b}`], 'REFUSED', { prescriber: { rpps: '10009999999', specialty: 'cardiology' } }),
      rulesVersion: 'has-referential/2026.1',
    }).entry.id;
    this.entries.erasedB = erasure.record(draft({ id: 'admin-user', role: 'admin' }, 'patient.erased', `patient:${this.b}`, [], 'ERASED', { legalBasis: 'ERASURE_REQUEST' })).entry.id;
    await this.publishAll([claim, attempt, erasure], 7);
  }

  private async publishAll(streams: AuditStream[], size: number): Promise<void> {
    for (const stream of streams) await publish(this.t.topic, stream.id, stream.sealed.map((sealed) => stream.envelope(sealed)));
    await waitFor(async () => (await this.http().get('/v1/ledger/tree-head').set('Authorization', tokens.auditor)).body.treeSize >= size, `tree size ${size}`);
  }

  /** A FHIR answer: its status and its media type checked. */
  async fhir(path: string, token: string, status = 200): Promise<request.Response> {
    const answer = await this.http().get(path).set('Authorization', token);
    if (answer.status !== status) throw new Error(`GET ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    if (answer.headers['content-type'] !== 'application/fhir+json; charset=utf-8') throw new Error(`GET ${path}: content-type ${answer.headers['content-type']}`);
    return answer;
  }

  bundle = async (path: string, token: string): Promise<Bundle> => (await this.fhir(path, token)).body;
  outcome = async (path: string, token: string, status: number): Promise<OperationOutcome> => (await this.fhir(path, token, status)).body;
}

export const idsOf = (bundle: Bundle): string[] => (bundle.entry ?? []).map((entry) => (entry.resource as Resource).id!).sort();

/** A link of a Bundle as a path the test server answers (links name the public base). */
export const linkPath = (bundle: Bundle, relation: string): string | undefined => {
  const url = bundle.link?.find((link) => link.relation === relation)?.url;
  return url ? `${new URL(url).pathname}${new URL(url).search}` : undefined;
};
