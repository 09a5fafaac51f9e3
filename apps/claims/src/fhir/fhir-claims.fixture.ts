import type { ClaimCreatedV1 } from '@app/contracts';
import { CommandPipeline, systemContext } from '@app/event-sourcing';
import { FHIR_JSON } from '@app/fhir';
import { PATIENT_KEYRING, type PatientKeyring } from '@app/service-kit';
import { eventually, expectValidFhir, randomNir, randomRpps, randomSiret } from '@app/testing';
import type { Bundle, OperationOutcome, Resource } from '@medplum/fhirtypes';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import { BILLING_ACTOR } from '../billing/billing.queue';
import { ClaimAggregate } from '../commands/claim.aggregate';
import type { SubmissionOutcome } from '../domain/claim.commands';
import { claimCreated } from '../domain/claim.fixtures';
import { claimIdentityAad } from '../personal-data/claim-sealing';
import { SUBMISSION_ACTOR } from '../submission/submission.queue';
import { claimsTokens, type ClaimsTestApp } from '../testing/claims.test-app';

/*
 * The claims of the FHIR integration specs, made by the service's own command
 * path (the Claim aggregate through the pipeline, as the billing run and the
 * submission job run it) and its own HTTP API (the processor's adjudication,
 * the admin's cancellation), then the payment job, on the real Postgres,
 * Redis and Kafka. Two patients, each with their own prescriber, operator and
 * exploitant; patient B's claims are all made a day after patient A's.
 */

export interface Party {
  pseudonym: string;
  rpps: string;
  operatorOrg: string;
  exploitant: string;
}

export interface SeededClaims {
  a: Party;
  b: Party;
  /** When B's claims were made: every change of A's claims is before, every one of B's at or after. */
  bFrom: Date;
  ids: {
    /** A: SUBMITTED (no answer), PAID (approved whole), REJECTED by a processor with a note, cancelled before any answer, refused by the AMO then cancelled. */
    aSubmitted: string;
    aPaid: string;
    aRejected: string;
    aCancelled: string;
    aRefusedCancelled: string;
    /** B: refused by the platform's validation, PAID after a line-by-line decision. */
    bValidation: string;
    bPartial: string;
  };
}

const party = (): Party => ({
  pseudonym: randomBytes(32).toString('hex'),
  rpps: randomRpps(),
  operatorOrg: `OP-FHIR-${randomBytes(4).toString('hex')}`,
  exploitant: randomSiret(),
});

const received = (): SubmissionOutcome => ({ kind: 'RECEIVED', amoReference: `AMO-${randomBytes(4).toString('hex')}`, attempts: 1 });

/** Drives one service test app's claims. */
export class FhirClaimsFeed {
  constructor(private readonly t: ClaimsTestApp) {}

  http = () => request(this.t.app.getHttpServer());

  /** A claim of `period`, as a billing run creates it (rejected at once when `rejection` says so). */
  async create(who: Party, period: string, rejection: { reasonCode: string } | null = null): Promise<string> {
    const now = this.t.clock.now();
    const prescriptionId = uuidv7();
    const base = claimCreated();
    // The 1st to the 28th: a day of every month.
    const dates = Array.from({ length: 28 }, (_, i) => `${period}-${String(i + 1).padStart(2, '0')}`);
    const enrolmentId = uuidv7();
    const claim: ClaimCreatedV1 = {
      ...base,
      claimId: uuidv7(),
      enrolmentId,
      prescriptionId,
      prescriptionIds: [prescriptionId],
      prescriberRpps: [who.rpps],
      device: { ...base.device, id: uuidv7() },
      patient: { pseudonym: who.pseudonym, identityEncrypted: await this.sealedIdentity(who.pseudonym, enrolmentId) },
      period,
      billableDates: dates,
      billableDays: dates.length,
      lines: base.lines.map((line) => ({ ...line, payee: line.kind === 'OPERATOR' ? who.operatorOrg : who.exploitant })),
      billingRunId: uuidv7(),
      createdAt: now.toISOString(),
    };
    await this.run(claim.claimId, { type: 'CreateClaim', claim, rejection, now }, BILLING_ACTOR);
    return claim.claimId;
  }

  /**
   * The identity as the enrolment seals it, under the patient's own data key
   * (issued here on the first claim, as the enrolment issues it before any
   * claim): the notes of a claim are sealed under that key.
   */
  private async sealedIdentity(pseudonym: string, enrolmentId: string): Promise<string> {
    const keyring = this.t.app.get<PatientKeyring>(PATIENT_KEYRING);
    const identity = JSON.stringify({ nir: randomNir(), birthDate: '1950-06-01' });
    return this.t.dataSource.transaction(async (manager) => (await keyring.sealerFor(pseudonym, manager)).encrypt(identity, claimIdentityAad(enrolmentId)));
  }

  /** The AMO's answer to the first submission, as the submission job records it. */
  async submit(claimId: string, outcome: SubmissionOutcome = received()): Promise<void> {
    await this.run(claimId, { type: 'RecordSubmission', submission: 1, outcome, now: this.t.clock.now() }, SUBMISSION_ACTOR);
  }

  async adjudicate(claimId: string, body: Record<string, unknown>): Promise<void> {
    await this.http().post(`/v1/claims/${claimId}/adjudication`).set('Authorization', claimsTokens.claimsProcessor).send(body).expect(200);
  }

  async cancel(claimId: string): Promise<void> {
    await this.http().post(`/v1/claims/${claimId}/cancellation`).set('Authorization', claimsTokens.admin).send({ reason: 'billed twice' }).expect(200);
  }

  async paid(claimId: string): Promise<void> {
    await eventually(`claim ${claimId} paid`, async () => {
      const answer = await this.http().get(`/v1/claims/${claimId}`).set('Authorization', claimsTokens.admin);
      return answer.body.status === 'PAID';
    });
  }

  async seed(): Promise<SeededClaims> {
    const a = party();
    const b = party();
    const aSubmitted = await this.create(a, '2026-01');
    await this.submit(aSubmitted);
    const aPaid = await this.create(a, '2026-02');
    await this.submit(aPaid);
    await this.adjudicate(aPaid, { decision: 'APPROVE' });
    const aRejected = await this.create(a, '2026-03');
    await this.submit(aRejected);
    await this.adjudicate(aRejected, { decision: 'REJECT', reasonCode: 'NOT_BILLABLE_DAYS', note: 'no transmission on the 12th' });
    const aCancelled = await this.create(a, '2026-04');
    await this.submit(aCancelled);
    await this.cancel(aCancelled);
    const aRefusedCancelled = await this.create(a, '2026-05');
    await this.submit(aRefusedCancelled, { kind: 'REFUSED', reasonCode: 'RIGHTS_CLOSED', attempts: 1 });
    await this.cancel(aRefusedCancelled);
    await this.paid(aPaid);

    this.t.clock.advance(86_400_000);
    const bFrom = this.t.clock.now();
    const bValidation = await this.create(b, '2026-01', { reasonCode: 'CERTIFICATION_LAPSED' });
    const bPartial = await this.create(b, '2026-02');
    await this.submit(bPartial);
    await this.adjudicate(bPartial, {
      decision: 'PARTIAL',
      lines: [
        { kind: 'OPERATOR', decision: 'REJECT', reasonCode: 'NO_CONSENT' },
        { kind: 'TECHNICAL', decision: 'APPROVE' },
      ],
    });
    await this.paid(bPartial);
    return { a, b, bFrom, ids: { aSubmitted, aPaid, aRejected, aCancelled, aRefusedCancelled, bValidation, bPartial } };
  }

  private async run(claimId: string, command: Parameters<ClaimAggregate['decider']['decide']>[0], actor: `system:${string}`): Promise<void> {
    const pipeline = this.t.app.get(CommandPipeline);
    const aggregate = this.t.app.get(ClaimAggregate);
    await pipeline.run(aggregate, { streamId: claimId, command, context: systemContext(actor, this.t.clock.now(), uuidv7()) });
  }

  /** A FHIR GET: checks the media type, and every resource it holds against FHIR R4. */
  async fhir(path: string, token: string, status = 200): Promise<{ body: Resource; headers: Record<string, string> }> {
    const answer = await this.http().get(path).set('Authorization', token);
    if (answer.status !== status) throw new Error(`GET ${path}: ${answer.status} instead of ${status}: ${answer.text}`);
    expect(answer.headers['content-type']).toMatch(new RegExp(`^${FHIR_JSON.replace('+', '\\+')}`));
    expectValidFhir(answer.body as Resource);
    return { body: answer.body as Resource, headers: answer.headers as Record<string, string> };
  }

  async bundle(path: string, token: string): Promise<Bundle> {
    const { body } = await this.fhir(path, token);
    expect(body.resourceType).toBe('Bundle');
    return body as Bundle;
  }

  async outcome(path: string, token: string, status: number): Promise<OperationOutcome> {
    const { body } = await this.fhir(path, token, status);
    expect(body.resourceType).toBe('OperationOutcome');
    return body as OperationOutcome;
  }

  /** Every page of a search, following `next` links (on this app's own address): the ids, and the page sizes seen. */
  async allPages(path: string, token: string): Promise<{ ids: string[]; sizes: number[]; totals: number[] }> {
    const ids: string[] = [];
    const sizes: number[] = [];
    const totals: number[] = [];
    let next: string | undefined = path;
    while (next) {
      const bundle = await this.bundle(next, token);
      const entries = bundle.entry ?? [];
      ids.push(...entries.map((entry) => entry.resource?.id ?? ''));
      sizes.push(entries.length);
      totals.push(bundle.total ?? -1);
      const link = bundle.link?.find((each) => each.relation === 'next')?.url;
      next = link ? `${new URL(link).pathname}${new URL(link).search}` : undefined;
      if (sizes.length > 50) throw new Error('more pages than the data has');
    }
    return { ids, sizes, totals };
  }
}

export const idsOf = (bundle: Bundle): string[] => (bundle.entry ?? []).map((entry) => entry.resource?.id ?? '').sort();
