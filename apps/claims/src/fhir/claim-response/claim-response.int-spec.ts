import type { ClaimResponse } from '@medplum/fhirtypes';
import { claimsTokens, startClaims, type ClaimsTestApp } from '../../testing/claims.test-app';
import { FhirClaimsFeed, idsOf, type SeededClaims } from '../fhir-claims.fixture';

jest.setTimeout(120_000);

/**
 * `GET /fhir/R4/ClaimResponse` and `/ClaimResponse/:id` over the real
 * service (Postgres, Redis, Kafka): only the claims that have an answer have
 * one (a refusal, an adjudication, a payment), with the claim's visibility;
 * each resource validated.
 */
describe('FHIR ClaimResponse (Postgres, Redis, Kafka)', () => {
  let t: ClaimsTestApp;
  let feed: FhirClaimsFeed;
  let seeded: SeededClaims;
  const { admin, claimsProcessor } = claimsTokens;

  beforeAll(async () => {
    t = await startClaims();
    feed = new FhirClaimsFeed(t);
    seeded = await feed.seed();
  });

  afterAll(async () => {
    await t?.close();
  });

  const aAnswered = () => [seeded.ids.aPaid, seeded.ids.aRejected, seeded.ids.aRefusedCancelled].sort();
  const bAnswered = () => [seeded.ids.bValidation, seeded.ids.bPartial].sort();
  const read = async (id: string, token = admin) => (await feed.fhir(`/fhir/R4/ClaimResponse/${id}`, token)).body as ClaimResponse;

  it('lists ClaimResponse in the service capabilities', async () => {
    const answer = await feed.http().get('/internal/fhir/capabilities').expect(200);
    const response = answer.body.resources.find((resource: { type: string }) => resource.type === 'ClaimResponse');
    expect(response.interactions).toEqual(['read', 'search-type']);
    expect(response.searchParams.map((param: { name: string }) => param.name)).toEqual(['patient', 'status', '_lastUpdated', '_count', '_page']);
  });

  it('reads the answer of a paid claim: decided when adjudicated, its payment by reference', async () => {
    const json = (await feed.http().get(`/v1/claims/${seeded.ids.aPaid}`).set('Authorization', admin).expect(200)).body;
    const response = await read(seeded.ids.aPaid);
    expect(response).toMatchObject({
      id: seeded.ids.aPaid,
      meta: { versionId: String(json.version), lastUpdated: json.updatedAt },
      status: 'active',
      request: { reference: `Claim/${seeded.ids.aPaid}` },
      patient: { reference: `Patient/${seeded.a.pseudonym}` },
      created: json.adjudication.adjudicatedAt,
      outcome: 'complete',
      disposition: 'Approved; paid',
      total: expect.arrayContaining([{ category: expect.anything(), amount: { value: json.amoShareCents / 100, currency: 'EUR' } }]),
      payment: {
        amount: { value: json.payment.amountCents / 100, currency: 'EUR' },
        identifier: { value: json.payment.reference },
      },
    });
  });

  it("reads a processor's rejection with its reason and note, and a line-by-line decision with the rejected line's reason", async () => {
    const rejected = await read(seeded.ids.aRejected);
    expect(rejected).toMatchObject({ outcome: 'error', processNote: [{ type: 'display', text: 'no transmission on the 12th' }] });
    expect(rejected.error?.[0].code.coding?.[0].code).toBe('NOT_BILLABLE_DAYS');
    const partial = await read(seeded.ids.bPartial);
    expect(partial.disposition).toBe('Partially approved: 1 of 2 lines; paid');
    const operatorBenefit = partial.item?.[0].adjudication.find((one) => one.category.coding?.[0].code === 'benefit');
    expect(operatorBenefit).toMatchObject({ reason: { coding: [{ code: 'NO_CONSENT' }] }, amount: { value: 0, currency: 'EUR' } });
  });

  it('has none for a claim without an answer (submitted, cancelled before one): 404 OperationOutcome, as for a missing one', async () => {
    for (const id of [seeded.ids.aSubmitted, seeded.ids.aCancelled, '01950000-0000-7000-8000-00000000ffff', 'not-a-claim-id']) {
      const outcome = await feed.outcome(`/fhir/R4/ClaimResponse/${id}`, admin, 404);
      expect(outcome.issue[0].code).toBe('not-found');
    }
  });

  it('searches by patient: exactly that patient answered claims', async () => {
    const a = await feed.bundle(`/fhir/R4/ClaimResponse?patient=Patient/${seeded.a.pseudonym}`, claimsProcessor);
    expect(idsOf(a)).toEqual(aAnswered());
    expect(a.total).toBe(3);
    expect(a.entry?.every((entry) => (entry.resource as ClaimResponse).patient.reference === `Patient/${seeded.a.pseudonym}`)).toBe(true);
    expect(idsOf(await feed.bundle(`/fhir/R4/ClaimResponse?patient=${seeded.b.pseudonym}`, claimsProcessor))).toEqual(bAnswered());
  });

  it("shows a physician the answers of their prescriptions' claims only: another's patient is an empty Bundle, another's answer a 404", async () => {
    const physicianB = claimsTokens.physician(seeded.b.rpps);
    expect(idsOf(await feed.bundle(`/fhir/R4/ClaimResponse?patient=${seeded.b.pseudonym}`, physicianB))).toEqual(bAnswered());
    const others = await feed.bundle(`/fhir/R4/ClaimResponse?patient=${seeded.a.pseudonym}`, physicianB);
    expect(others.total).toBe(0);
    expect(others.entry ?? []).toEqual([]);
    await feed.outcome(`/fhir/R4/ClaimResponse/${seeded.ids.aPaid}`, physicianB, 404);
    expect(idsOf(await feed.bundle('/fhir/R4/ClaimResponse', claimsTokens.operatorOf(seeded.a.operatorOrg)))).toEqual(aAnswered());
    await feed.outcome('/fhir/R4/ClaimResponse', claimsTokens.auditor, 403);
  });

  it('filters by FHIR status and by _lastUpdated', async () => {
    expect(idsOf(await feed.bundle('/fhir/R4/ClaimResponse?status=cancelled', admin))).toEqual([seeded.ids.aRefusedCancelled]);
    const cancelled = await read(seeded.ids.aRefusedCancelled);
    expect(cancelled).toMatchObject({ status: 'cancelled', outcome: 'error' });
    expect(cancelled.error?.[0].extension?.[0].valueCoding?.code).toBe('AMO');
    const active = await feed.bundle(`/fhir/R4/ClaimResponse?status=active&patient=${seeded.a.pseudonym}`, admin);
    expect(idsOf(active)).toEqual([seeded.ids.aPaid, seeded.ids.aRejected].sort());
    const from = seeded.bFrom.toISOString();
    expect(idsOf(await feed.bundle(`/fhir/R4/ClaimResponse?_lastUpdated=ge${from}`, admin))).toEqual(bAnswered());
    expect(idsOf(await feed.bundle(`/fhir/R4/ClaimResponse?_lastUpdated=lt${from}&status=active`, admin))).toEqual([seeded.ids.aPaid, seeded.ids.aRejected].sort());
  });

  it('pages with _count over the answered claims only, following next', async () => {
    const { ids, sizes, totals } = await feed.allPages('/fhir/R4/ClaimResponse?_count=2', admin);
    expect(sizes).toEqual([2, 2, 1]);
    expect(totals).toEqual([5, 5, 5]);
    expect([...ids].sort()).toEqual([...aAnswered(), ...bAnswered()].sort());
  });

  it('refuses an unknown parameter and a bad value with a 400 OperationOutcome naming each', async () => {
    const unknown = await feed.outcome('/fhir/R4/ClaimResponse?outcome=complete', admin, 400);
    expect(unknown.issue.some((issue) => issue.expression?.[0] === 'outcome')).toBe(true);
    const bad = await feed.outcome('/fhir/R4/ClaimResponse?_lastUpdated=yesterday&_page=0', admin, 400);
    expect(bad.issue.flatMap((issue) => issue.expression ?? []).sort()).toEqual(['_lastUpdated', '_page']);
  });
});
