import { expectValidFhir, randomRpps } from '@app/testing';
import type { Bundle, Consent, OperationOutcome } from '@medplum/fhirtypes';
import request from 'supertest';
import { allPages, type FhirEnrolments, makeFhirEnrolments, physicianToken, resourcesOf } from '../../testing/fhir-enrolments.fixture';
import { enrolmentTokens, startEnrolment, type EnrolmentTestApp } from '../../testing/enrolment.test-app';

jest.setTimeout(180_000);

/**
 * `GET /fhir/R4/Consent[/:id]` over the real service: every consent record
 * (given, superseded, withdrawn, refused), seen by whom sees the enrolment,
 * searched by patient, status and `_lastUpdated`, paged by `_count`.
 */
describe('FHIR Consent (Postgres, Kafka)', () => {
  let t: EnrolmentTestApp;
  let data: FhirEnrolments;
  const http = () => request(t.app.getHttpServer());
  const search = async (token: string, query: Record<string, string>): Promise<Bundle> => {
    const answer = await http().get('/fhir/R4/Consent').query(query).set('Authorization', token).expect(200);
    expect(answer.headers['content-type']).toMatch(/^application\/fhir\+json/);
    for (const resource of resourcesOf(answer.body)) expectValidFhir(resource);
    return answer.body;
  };
  const statuses = (bundle: Bundle) => resourcesOf<Consent>(bundle).map((consent) => [consent.id, consent.status]);

  beforeAll(async () => {
    t = await startEnrolment();
    data = await makeFhirEnrolments(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  it("serves a patient's consent records: the superseded one inactive, the one in force active", async () => {
    const bundle = await search(data.operator, { patient: `Patient/${data.a.pseudonym}` });
    expect(statuses(bundle)).toEqual([
      [data.a.consentIds[0], 'inactive'],
      [data.a.consentIds[1], 'active'],
    ]);
    const [superseded, inForce] = resourcesOf<Consent>(bundle);
    expect(superseded.provision?.period?.end).toBeDefined();
    expect(inForce.provision).toMatchObject({ type: 'permit' });
    expect(inForce.provision?.period?.end).toBeUndefined();
    for (const consent of [superseded, inForce]) {
      expect(consent.patient).toEqual({ reference: `Patient/${data.a.pseudonym}` });
      expect(consent.performer).toEqual([{ reference: `Patient/${data.a.pseudonym}` }]);
      expect(consent.policy?.[0].uri).toMatch(/\/ConsentText\/tlsm-2026\.1$/);
    }
  });

  it('serves a withdrawn consent as inactive and a refusal as rejected (a denial)', async () => {
    const [withdrawn] = resourcesOf<Consent>(await search(data.operator, { patient: data.b.pseudonym }));
    expect(withdrawn).toMatchObject({ id: data.b.consentIds[0], status: 'inactive', provision: { type: 'permit' } });
    expect(withdrawn.provision?.period?.end).toBeDefined();
    const [refused] = resourcesOf<Consent>(await search(data.operator, { patient: data.c.pseudonym }));
    expect(refused).toMatchObject({ id: data.c.consentIds[0], status: 'rejected', provision: { type: 'deny' } });
  });

  it('reads one record by id, for the prescriber and the patient', async () => {
    const id = data.a.consentIds[1];
    for (const token of [physicianToken(data.prescriberRpps), enrolmentTokens.patient(data.a.nir), data.operator]) {
      const answer = await http().get(`/fhir/R4/Consent/${id}`).set('Authorization', token).expect(200);
      expect(answer.headers['content-type']).toMatch(/^application\/fhir\+json/);
      expectValidFhir(answer.body);
      expect(answer.body).toMatchObject({ resourceType: 'Consent', id, status: 'active' });
    }
  });

  it("gives whoever asks for another's records an empty Bundle, and 404 on a read", async () => {
    for (const stranger of [physicianToken(data.otherRpps), physicianToken(randomRpps()), enrolmentTokens.otherOperator, enrolmentTokens.patient(data.b.nir)]) {
      expect((await search(stranger, { patient: data.a.pseudonym })).total).toBe(0);
      const answer = await http().get(`/fhir/R4/Consent/${data.a.consentIds[1]}`).set('Authorization', stranger).expect(404);
      expect((answer.body as OperationOutcome).resourceType).toBe('OperationOutcome');
    }
    // Each physician sees the records of their own prescriptions only.
    expect((await search(physicianToken(data.prescriberRpps), {})).total).toBe(3);
    expect(statuses(await search(physicianToken(data.otherRpps), {}))).toEqual([[data.c.consentIds[0], 'rejected']]);
  });

  it('filters on status and _lastUpdated', async () => {
    expect(statuses(await search(data.operator, { status: 'active' }))).toEqual([[data.a.consentIds[1], 'active']]);
    expect(statuses(await search(data.operator, { status: 'rejected' }))).toEqual([[data.c.consentIds[0], 'rejected']]);
    expect((await search(data.operator, { status: 'inactive' })).total).toBe(2);
    expect((await search(data.operator, { _lastUpdated: `ge${data.startedAt.toISOString()}` })).total).toBe(4);
    expect((await search(data.operator, { _lastUpdated: `lt${data.startedAt.toISOString()}` })).total).toBe(0);
  });

  it('pages with _count, following the next links', async () => {
    const first = await search(data.operator, { _count: '3' });
    expect(first.total).toBe(4);
    const { resources, pages } = await allPages<Consent>(t, first, data.operator);
    expect(pages).toBe(2);
    expect(resources.map((consent) => consent.id).sort()).toEqual([...data.a.consentIds, ...data.b.consentIds, ...data.c.consentIds].sort());
  });

  it('refuses an unknown parameter and a bad value with a 400 OperationOutcome naming it', async () => {
    for (const [query, parameter] of [
      [{ category: '59284-0' }, 'category'],
      [{ status: 'proposed' }, 'status'],
      [{ _lastUpdated: 'yesterday' }, '_lastUpdated'],
    ] as const) {
      const answer = await http().get('/fhir/R4/Consent').query(query).set('Authorization', data.operator).expect(400);
      expect(answer.headers['content-type']).toMatch(/^application\/fhir\+json/);
      expect((answer.body as OperationOutcome).issue.flatMap((issue) => issue.expression ?? [])).toContain(parameter);
    }
  });

  it('is listed in the capabilities', async () => {
    const { body } = await http().get('/internal/fhir/capabilities').expect(200);
    expect(body.resources.map((resource: { type: string }) => resource.type)).toEqual(expect.arrayContaining(['Device', 'Consent', 'Coverage']));
  });
});
