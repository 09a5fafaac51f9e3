import { expectValidFhir, randomRpps } from '@app/testing';
import type { Bundle, Device, OperationOutcome } from '@medplum/fhirtypes';
import request from 'supertest';
import { allPages, type FhirEnrolments, makeFhirEnrolments, physicianToken, resourcesOf } from '../../testing/fhir-enrolments.fixture';
import { enrolmentTokens, startEnrolment, type EnrolmentTestApp } from '../../testing/enrolment.test-app';

jest.setTimeout(180_000);

/**
 * `GET /fhir/R4/Device[/:id]` over the real service: each serial an
 * enrolment held (a replaced one inactive), seen by whom sees the enrolment,
 * searched by patient, status and `_lastUpdated`, paged by `_count`.
 */
describe('FHIR Device (Postgres, Kafka)', () => {
  let t: EnrolmentTestApp;
  let data: FhirEnrolments;
  const http = () => request(t.app.getHttpServer());
  const search = async (token: string, query: Record<string, string>): Promise<Bundle> => {
    const answer = await http().get('/fhir/R4/Device').query(query).set('Authorization', token).expect(200);
    expect(answer.headers['content-type']).toMatch(/^application\/fhir\+json/);
    expect(answer.body).toMatchObject({ resourceType: 'Bundle', type: 'searchset' });
    for (const resource of resourcesOf(answer.body)) expectValidFhir(resource);
    return answer.body;
  };
  const serials = (bundle: Bundle) => resourcesOf<Device>(bundle).map((device) => [device.serialNumber, device.status]);

  beforeAll(async () => {
    t = await startEnrolment();
    data = await makeFhirEnrolments(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  it("serves a patient's devices, the replaced one inactive and the one in use active, and nobody else's; an ended enrolment's inactive", async () => {
    const bundle = await search(data.operator, { patient: `Patient/${data.a.pseudonym}` });
    expect(bundle.total).toBe(2);
    expect(serials(bundle)).toEqual([
      [data.a.replacedSerial, 'inactive'],
      [data.a.serialNumber, 'active'],
    ]);
    for (const device of resourcesOf<Device>(bundle)) {
      expect(device.patient).toEqual({ reference: `Patient/${data.a.pseudonym}` });
      expect(device.definition).toEqual({ reference: `DeviceDefinition/${data.a.deviceId}` });
      expect(device.udiCarrier?.[0].deviceIdentifier).toBe(data.a.udiDi);
    }
    const other = await search(data.operator, { patient: data.b.pseudonym });
    expect(serials(other)).toEqual([[data.b.serialNumber, 'inactive']]);
  });

  it('reads one device by id, as application/fhir+json', async () => {
    const [device] = resourcesOf<Device>(await search(data.operator, { patient: data.a.pseudonym, status: 'active' }));
    const answer = await http().get(`/fhir/R4/Device/${device.id}`).set('Authorization', physicianToken(data.prescriberRpps)).expect(200);
    expect(answer.headers['content-type']).toMatch(/^application\/fhir\+json/);
    expectValidFhir(answer.body);
    expect(answer.body).toEqual(device);
    await http().get(`/fhir/R4/Device/${device.id}`).set('Authorization', enrolmentTokens.patient(data.a.nir)).expect(200);
  });

  it("gives a physician, an operator or a patient asking for another's devices an empty Bundle, and 404 on a read", async () => {
    const [device] = resourcesOf<Device>(await search(data.operator, { patient: data.a.pseudonym }));
    for (const stranger of [physicianToken(data.otherRpps), physicianToken(randomRpps()), enrolmentTokens.otherOperator, enrolmentTokens.patient(data.b.nir)]) {
      const bundle = await search(stranger, { patient: data.a.pseudonym });
      expect(bundle.total).toBe(0);
      expect(bundle.entry ?? []).toEqual([]);
      const answer = await http().get(`/fhir/R4/Device/${device.id}`).set('Authorization', stranger).expect(404);
      expect(answer.headers['content-type']).toMatch(/^application\/fhir\+json/);
      expect((answer.body as OperationOutcome).issue[0].code).toBe('not-found');
    }
    await http().get(`/fhir/R4/Device/${device.id}`).set('Authorization', enrolmentTokens.auditor).expect(404);
    await http().get('/fhir/R4/Device/not-a-row').set('Authorization', data.operator).expect(404);
    await http().get('/fhir/R4/Device').set('Authorization', enrolmentTokens.auditor).expect(403);
  });

  it("lets a patient search without naming themselves, and find only their own", async () => {
    const bundle = await search(enrolmentTokens.patient(data.b.nir), {});
    expect(serials(bundle)).toEqual([[data.b.serialNumber, 'inactive']]);
  });

  it('filters on status and _lastUpdated', async () => {
    expect(serials(await search(data.operator, { status: 'inactive' }))).toEqual([
      [data.a.replacedSerial, 'inactive'],
      [data.b.serialNumber, 'inactive'],
    ]);
    expect(serials(await search(data.operator, { status: 'active' }))).toEqual([[data.a.serialNumber, 'active']]);
    expect((await search(data.operator, { status: 'active,inactive' })).total).toBe(3);
    expect((await search(data.operator, { _lastUpdated: `ge${data.startedAt.toISOString()}` })).total).toBe(3);
    expect((await search(data.operator, { _lastUpdated: `lt${data.startedAt.toISOString()}` })).total).toBe(0);
    expect((await search(data.operator, { _lastUpdated: `gt${new Date(t.clock.now().getTime() + 60_000).toISOString()}` })).total).toBe(0);
  });

  it('pages with _count, following the next links to the last page', async () => {
    const first = await search(data.operator, { _count: '1' });
    expect(first.total).toBe(3);
    const { resources, pages } = await allPages<Device>(t, first, data.operator);
    expect(pages).toBe(3);
    expect(resources.map((device) => device.serialNumber).sort()).toEqual([data.a.replacedSerial, data.a.serialNumber, data.b.serialNumber].sort());
    for (const resource of resources) expectValidFhir(resource);
  });

  it('refuses an unknown parameter and a bad value with a 400 OperationOutcome naming it', async () => {
    for (const [query, parameter] of [
      [{ serial: 'x' }, 'serial'],
      [{ status: 'retired' }, 'status'],
      [{ _count: '0' }, '_count'],
      [{ patient: 'Patient/nobody' }, 'patient'],
    ] as const) {
      const answer = await http().get('/fhir/R4/Device').query(query).set('Authorization', data.operator).expect(400);
      expect(answer.headers['content-type']).toMatch(/^application\/fhir\+json/);
      const outcome = answer.body as OperationOutcome;
      expect(outcome.resourceType).toBe('OperationOutcome');
      expect(outcome.issue.flatMap((issue) => issue.expression ?? [])).toContain(parameter);
    }
  });

  it('is listed in the capabilities', async () => {
    const { body } = await http().get('/internal/fhir/capabilities').expect(200);
    const device = body.resources.find((resource: { type: string }) => resource.type === 'Device');
    expect(device.interactions).toEqual(['read', 'search-type']);
    expect(device.searchParams.map((param: { name: string }) => param.name)).toEqual(['patient', 'status', '_lastUpdated', '_count', '_page']);
  });
});
