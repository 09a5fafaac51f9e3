import type { Claim } from '@medplum/fhirtypes';
import { claimsTokens, startClaims, type ClaimsTestApp } from '../../testing/claims.test-app';
import { FhirClaimsFeed, idsOf, type SeededClaims } from '../fhir-claims.fixture';

jest.setTimeout(120_000);

/**
 * `GET /fhir/R4/Claim` and `/Claim/:id` over the real service (Postgres,
 * Redis, Kafka): claims made by its own command path and HTTP API, read back
 * as FHIR with the visibility of GET /v1/claims, each resource validated.
 */
describe('FHIR Claim (Postgres, Redis, Kafka)', () => {
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

  const aIds = () => [seeded.ids.aSubmitted, seeded.ids.aPaid, seeded.ids.aRejected, seeded.ids.aCancelled, seeded.ids.aRefusedCancelled].sort();
  const bIds = () => [seeded.ids.bValidation, seeded.ids.bPartial].sort();

  it('lists Claim in the service capabilities, with the parameters it parses', async () => {
    const answer = await feed.http().get('/internal/fhir/capabilities').expect(200);
    const claim = answer.body.resources.find((resource: { type: string }) => resource.type === 'Claim');
    expect(claim.interactions).toEqual(['read', 'search-type']);
    expect(claim.searchParams.map((param: { name: string }) => param.name)).toEqual(['patient', 'status', '_lastUpdated', '_count', '_page']);
    expect(claim.searchParams[1].values).toEqual(['active', 'cancelled']);
  });

  it('reads a claim as FHIR: its id, version and last change those of GET /v1/claims/:id', async () => {
    const json = (await feed.http().get(`/v1/claims/${seeded.ids.aPaid}`).set('Authorization', admin).expect(200)).body;
    const claim = (await feed.fhir(`/fhir/R4/Claim/${seeded.ids.aPaid}`, admin)).body as Claim;
    expect(claim).toMatchObject({
      resourceType: 'Claim',
      id: seeded.ids.aPaid,
      meta: { versionId: String(json.version), lastUpdated: json.updatedAt },
      status: 'active',
      patient: { reference: `Patient/${seeded.a.pseudonym}` },
      billablePeriod: { start: '2026-02-01', end: '2026-02-28' },
      prescription: { reference: `DeviceRequest/${json.prescriptionId}` },
      insurance: [{ sequence: 1, focal: true, coverage: { reference: `Coverage/${json.enrolmentId}` } }],
      total: { value: json.totalCents / 100, currency: 'EUR' },
    });
    expect(claim.provider.identifier?.value).toBe(seeded.a.operatorOrg);
    const cancelled = (await feed.fhir(`/fhir/R4/Claim/${seeded.ids.aCancelled}`, admin)).body as Claim;
    expect(cancelled.status).toBe('cancelled');
  });

  it('answers 404 OperationOutcome for a claim that does not exist, whatever its id', async () => {
    const missing = await feed.outcome('/fhir/R4/Claim/01950000-0000-7000-8000-00000000ffff', admin, 404);
    expect(missing.issue[0]).toMatchObject({ severity: 'error', code: 'not-found' });
    await feed.outcome('/fhir/R4/Claim/not-a-claim-id', admin, 404);
  });

  it('searches by patient: exactly that patient claims, by reference or bare pseudonym', async () => {
    const a = await feed.bundle(`/fhir/R4/Claim?patient=Patient/${seeded.a.pseudonym}`, claimsProcessor);
    expect(idsOf(a)).toEqual(aIds());
    expect(a.total).toBe(5);
    expect(a.entry?.every((entry) => (entry.resource as Claim).patient.reference === `Patient/${seeded.a.pseudonym}`)).toBe(true);
    const b = await feed.bundle(`/fhir/R4/Claim?patient=${seeded.b.pseudonym}`, claimsProcessor);
    expect(idsOf(b)).toEqual(bIds());
    expect(b.entry?.[0].fullUrl).toMatch(new RegExp(`/fhir/R4/Claim/${b.entry?.[0].resource?.id}$`));
  });

  it("shows a physician the claims of their prescriptions only: another's patient is an empty Bundle, another's claim a 404", async () => {
    const physicianA = claimsTokens.physician(seeded.a.rpps);
    expect(idsOf(await feed.bundle(`/fhir/R4/Claim?patient=${seeded.a.pseudonym}`, physicianA))).toEqual(aIds());
    const others = await feed.bundle(`/fhir/R4/Claim?patient=${seeded.b.pseudonym}`, physicianA);
    expect(others.total).toBe(0);
    expect(others.entry ?? []).toEqual([]);
    await feed.outcome(`/fhir/R4/Claim/${seeded.ids.bPartial}`, physicianA, 404);
    expect(idsOf(await feed.bundle('/fhir/R4/Claim', physicianA))).toEqual(aIds());
  });

  it('shows an operator and a vendor the claims paying them; refuses the roles that see no claim (403)', async () => {
    expect(idsOf(await feed.bundle('/fhir/R4/Claim', claimsTokens.operatorOf(seeded.b.operatorOrg)))).toEqual(bIds());
    expect(idsOf(await feed.bundle('/fhir/R4/Claim', claimsTokens.vendorOf(seeded.a.exploitant)))).toEqual(aIds());
    await feed.outcome(`/fhir/R4/Claim/${seeded.ids.aPaid}`, claimsTokens.operatorOf(seeded.b.operatorOrg), 404);
    await feed.outcome('/fhir/R4/Claim', claimsTokens.auditor, 403);
  });

  it('filters by FHIR status: cancelled, active, or both', async () => {
    expect(idsOf(await feed.bundle('/fhir/R4/Claim?status=cancelled', admin))).toEqual([seeded.ids.aCancelled, seeded.ids.aRefusedCancelled].sort());
    const active = await feed.bundle(`/fhir/R4/Claim?status=active&patient=${seeded.a.pseudonym}`, admin);
    expect(idsOf(active)).toEqual([seeded.ids.aSubmitted, seeded.ids.aPaid, seeded.ids.aRejected].sort());
    expect((await feed.bundle('/fhir/R4/Claim?status=active,cancelled', admin)).total).toBe(7);
  });

  it('filters by _lastUpdated, from the instant patient B claims were made', async () => {
    const from = seeded.bFrom.toISOString();
    expect(idsOf(await feed.bundle(`/fhir/R4/Claim?_lastUpdated=ge${from}`, admin))).toEqual(bIds());
    expect(idsOf(await feed.bundle(`/fhir/R4/Claim?_lastUpdated=lt${from}`, admin))).toEqual(aIds());
    // A range (two values), one end a day: from the start of the day before A's claims to B's first instant.
    const dayBefore = new Date(seeded.bFrom.getTime() - 2 * 86_400_000).toISOString().slice(0, 10);
    expect(idsOf(await feed.bundle(`/fhir/R4/Claim?_lastUpdated=ge${dayBefore}&_lastUpdated=lt${from}`, admin))).toEqual(aIds());
    expect(idsOf(await feed.bundle(`/fhir/R4/Claim?_lastUpdated=lt${dayBefore}`, admin))).toEqual([]);
  });

  it('pages with _count, the next links leading through every claim once', async () => {
    const { ids, sizes, totals } = await feed.allPages('/fhir/R4/Claim?_count=2', admin);
    expect(sizes).toEqual([2, 2, 2, 1]);
    expect(totals).toEqual([7, 7, 7, 7]);
    expect([...ids].sort()).toEqual([...aIds(), ...bIds()].sort());
  });

  it('refuses an unknown parameter and a bad value with a 400 OperationOutcome naming each', async () => {
    const unknown = await feed.outcome('/fhir/R4/Claim?subject=x', admin, 400);
    expect(unknown.issue.some((issue) => issue.expression?.[0] === 'subject')).toBe(true);
    const bad = await feed.outcome('/fhir/R4/Claim?status=draft&_count=0', admin, 400);
    expect(bad.issue.flatMap((issue) => issue.expression ?? []).sort()).toEqual(['_count', 'status']);
    expect(bad.issue[0].code).toBe('invalid');
    const badPatient = await feed.outcome('/fhir/R4/Claim?patient=Patient/123', admin, 400);
    expect(badPatient.issue.some((issue) => issue.expression?.[0] === 'patient')).toBe(true);
  });
});
