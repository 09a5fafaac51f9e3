import { expectValidFhir, randomRpps } from '@app/testing';
import type { Bundle, Coverage, OperationOutcome } from '@medplum/fhirtypes';
import request from 'supertest';
import { allPages, type FhirEnrolments, makeFhirEnrolments, physicianToken, resourcesOf } from '../../testing/fhir-enrolments.fixture';
import { enrolmentTokens, startEnrolment, type EnrolmentTestApp } from '../../testing/enrolment.test-app';

jest.setTimeout(180_000);

const ALD = 'https://connected-health.example/fhir/StructureDefinition/ald-exoneration';

/**
 * `GET /fhir/R4/Coverage[/:id]` over the real service: one per enrolment, its
 * id the enrolment's, its status the AMO's answer, with the ALD link; seen
 * by whom sees the enrolment.
 */
describe('FHIR Coverage (Postgres, Kafka)', () => {
  let t: EnrolmentTestApp;
  let data: FhirEnrolments;
  const http = () => request(t.app.getHttpServer());
  const search = async (token: string, query: Record<string, string>): Promise<Bundle> => {
    const answer = await http().get('/fhir/R4/Coverage').query(query).set('Authorization', token).expect(200);
    expect(answer.headers['content-type']).toMatch(/^application\/fhir\+json/);
    for (const resource of resourcesOf(answer.body)) expectValidFhir(resource);
    return answer.body;
  };
  const ids = (bundle: Bundle) => resourcesOf<Coverage>(bundle).map((coverage) => coverage.id);

  beforeAll(async () => {
    t = await startEnrolment();
    data = await makeFhirEnrolments(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  it("reads an enrolment's Coverage by the enrolment's id: active with open rights, the ALD link, the monitoring period", async () => {
    const answer = await http().get(`/fhir/R4/Coverage/${data.a.enrolmentId}`).set('Authorization', data.operator).expect(200);
    expect(answer.headers['content-type']).toMatch(/^application\/fhir\+json/);
    const coverage = answer.body as Coverage;
    expectValidFhir(coverage);
    expect(coverage).toMatchObject({
      id: data.a.enrolmentId,
      status: 'active',
      beneficiary: { reference: `Patient/${data.a.pseudonym}` },
      payor: [{ display: 'Assurance Maladie' }],
      period: { start: data.a.activatedAt },
    });
    expect(coverage.extension?.find((each) => each.url === ALD)?.valueBoolean).toBe(data.a.data.patient.ald);
    const ended = (await http().get(`/fhir/R4/Coverage/${data.b.enrolmentId}`).set('Authorization', data.operator).expect(200)).body as Coverage;
    expect(ended.period).toEqual({ start: data.b.activatedAt, end: data.b.endedAt });
  });

  it("searches by patient: exactly that patient's Coverage", async () => {
    expect(ids(await search(data.operator, { patient: `Patient/${data.a.pseudonym}` }))).toEqual([data.a.enrolmentId]);
    expect(ids(await search(data.operator, { patient: data.c.pseudonym }))).toEqual([data.c.enrolmentId]);
    expect(ids(await search(enrolmentTokens.patient(data.b.nir), {}))).toEqual([data.b.enrolmentId]);
  });

  it("gives whoever asks for another's Coverage an empty Bundle, and 404 on a read", async () => {
    for (const stranger of [physicianToken(data.otherRpps), physicianToken(randomRpps()), enrolmentTokens.otherOperator, enrolmentTokens.patient(data.b.nir)]) {
      expect((await search(stranger, { patient: data.a.pseudonym })).total).toBe(0);
      const answer = await http().get(`/fhir/R4/Coverage/${data.a.enrolmentId}`).set('Authorization', stranger).expect(404);
      expect((answer.body as OperationOutcome).issue[0].code).toBe('not-found');
    }
    expect(ids(await search(physicianToken(data.prescriberRpps), {})).sort()).toEqual([data.a.enrolmentId, data.b.enrolmentId].sort());
    await http().get(`/fhir/R4/Coverage/${data.a.enrolmentId}`).set('Authorization', enrolmentTokens.auditor).expect(404);
  });

  it('filters on status (the AMO answer) and _lastUpdated', async () => {
    // a and b were activated with open rights; c's rights check may still be pending (draft) or open.
    const active = await search(data.operator, { status: 'active' });
    expect(ids(active)).toEqual(expect.arrayContaining([data.a.enrolmentId, data.b.enrolmentId]));
    for (const coverage of resourcesOf<Coverage>(active)) expect(coverage.status).toBe('active');
    expect(ids(await search(data.operator, { status: 'cancelled,draft' }))).not.toEqual(expect.arrayContaining([data.a.enrolmentId]));
    expect((await search(data.operator, { status: 'active,cancelled,draft' })).total).toBe(3);
    expect((await search(data.operator, { _lastUpdated: `ge${data.startedAt.toISOString()}` })).total).toBe(3);
    expect((await search(data.operator, { _lastUpdated: `lt${data.startedAt.toISOString()}` })).total).toBe(0);
    const { body: b } = await http().get(`/fhir/R4/Coverage/${data.b.enrolmentId}`).set('Authorization', data.operator).expect(200);
    expect(ids(await search(data.operator, { _lastUpdated: `eq${b.meta.lastUpdated}` }))).toContain(data.b.enrolmentId);
  });

  it('pages with _count, following the next links', async () => {
    const first = await search(data.operator, { _count: '2' });
    expect(first.total).toBe(3);
    const { resources, pages } = await allPages<Coverage>(t, first, data.operator);
    expect(pages).toBe(2);
    expect(resources.map((coverage) => coverage.id).sort()).toEqual([data.a.enrolmentId, data.b.enrolmentId, data.c.enrolmentId].sort());
  });

  it('refuses an unknown parameter and a bad value with a 400 OperationOutcome naming it', async () => {
    for (const [query, parameter] of [
      [{ beneficiary: data.a.pseudonym }, 'beneficiary'],
      [{ status: 'entered-in-error' }, 'status'],
      [{ _page: '0' }, '_page'],
    ] as const) {
      const answer = await http().get('/fhir/R4/Coverage').query(query).set('Authorization', data.operator).expect(400);
      expect(answer.headers['content-type']).toMatch(/^application\/fhir\+json/);
      expect((answer.body as OperationOutcome).issue.flatMap((issue) => issue.expression ?? [])).toContain(parameter);
    }
  });

  it('is listed in the capabilities', async () => {
    const { body } = await http().get('/internal/fhir/capabilities').expect(200);
    const coverage = body.resources.find((resource: { type: string }) => resource.type === 'Coverage');
    expect(coverage.searchParams.find((param: { name: string }) => param.name === 'status').values).toEqual(['active', 'cancelled', 'draft']);
  });
});
