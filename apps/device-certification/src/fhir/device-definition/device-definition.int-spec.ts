import { FHIR_JSON } from '@app/fhir';
import { expectValidFhir } from '@app/testing';
import type { Bundle, DeviceDefinition, Extension, OperationOutcome } from '@medplum/fhirtypes';
import request from 'supertest';
import { DEVICE_STATUSES } from '../../domain/device-product';
import {
  productBody,
  startDeviceCertification,
  tokens,
  VENDOR_B,
  type DeviceCertificationTestApp,
} from '../../testing/device-certification.test-app';

const BASE = '/fhir/R4/DeviceDefinition';
const certifyBody = () => ({
  decision: 'CERTIFY',
  validUntil: new Date(Date.now() + 365 * 86_400_000).toISOString(),
  lppCode: '1612544',
  certifiedIndications: ['HEART_FAILURE'],
});
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const statusOf = (resource: DeviceDefinition): string | undefined =>
  resource.extension
    ?.find((each) => each.url.endsWith('/StructureDefinition/device-certification'))
    ?.extension?.find((each: Extension) => each.url === 'status')?.valueCoding?.code;

describe('FHIR DeviceDefinition (real Postgres, Kafka, Redis)', () => {
  let t: DeviceCertificationTestApp;
  const http = () => request(t.app.getHttpServer());
  /** Vendor A: a draft, a certified and a suspended product; vendor B: a certified and a submitted one. */
  const ids = { draftA: '', certifiedA: '', suspendedA: '', certifiedB: '', submittedB: '' };
  let beforeSuspension = '';

  async function register(token: string, body = productBody()): Promise<string> {
    return (await http().post('/v1/devices').set('Authorization', token).send(body).expect(201)).body.id;
  }
  async function submit(token: string, id: string) {
    await http().post(`/v1/devices/${id}/submission`).set('Authorization', token).expect(200);
  }
  async function certify(token: string, id: string) {
    await submit(token, id);
    await http().post(`/v1/devices/${id}/review`).set('Authorization', tokens.evaluator).send(certifyBody()).expect(200);
  }
  /** A search as this caller: the Bundle, every entry checked as FHIR R4. */
  async function search(token: string, query = ''): Promise<Bundle<DeviceDefinition>> {
    const answer = await http().get(`${BASE}${query}`).set('Authorization', token).expect(200);
    expect(answer.headers['content-type']).toContain(FHIR_JSON);
    expectValidFhir(answer.body);
    return answer.body;
  }
  const idsOf = (bundle: Bundle<DeviceDefinition>) => bundle.entry?.map((entry) => entry.resource?.id) ?? [];
  const jsonIds = async (token: string, query = '') =>
    (await http().get(`/v1/devices?pageSize=200${query}`).set('Authorization', token).expect(200)).body.items.map((d: { id: string }) => d.id);

  beforeAll(async () => {
    t = await startDeviceCertification();
    const productOfB = productBody({ manufacturer: { siret: VENDOR_B, name: 'Pneumo SA' }, name: 'PneumoTrack', udiDi: '03760123450027' });
    ids.draftA = await register(tokens.vendorA);
    ids.certifiedA = await register(tokens.vendorA);
    await certify(tokens.vendorA, ids.certifiedA);
    ids.suspendedA = await register(tokens.vendorA);
    await certify(tokens.vendorA, ids.suspendedA);
    ids.certifiedB = await register(tokens.vendorB, productOfB);
    await certify(tokens.vendorB, ids.certifiedB);
    ids.submittedB = await register(tokens.vendorB, productOfB);
    await submit(tokens.vendorB, ids.submittedB);
    // The last change of all, apart from every other by a clear instant.
    await pause(20);
    beforeSuspension = new Date().toISOString();
    await pause(20);
    await http().post(`/v1/devices/${ids.suspendedA}/suspension`).set('Authorization', tokens.evaluator).send({ reason: 'vigilance report' }).expect(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('read', () => {
    it('serves a certified product to any authenticated caller, as the JSON API has it', async () => {
      const answer = await http().get(`${BASE}/${ids.certifiedA}`).set('Authorization', tokens.physician).expect(200);
      expect(answer.headers['content-type']).toContain(FHIR_JSON);
      expectValidFhir(answer.body);
      const json = (await http().get(`/v1/devices/${ids.certifiedA}`).set('Authorization', tokens.physician).expect(200)).body;
      expect(answer.body).toMatchObject({
        resourceType: 'DeviceDefinition',
        id: ids.certifiedA,
        meta: { versionId: String(json.version), lastUpdated: json.updatedAt },
        udiDeviceIdentifier: [{ deviceIdentifier: json.udiDi }],
        modelNumber: json.model,
      });
      expect(statusOf(answer.body)).toBe('CERTIFIED');
    });

    it('hides a draft from a physician and from another vendor (404 OperationOutcome), not from its vendor nor evaluators', async () => {
      for (const token of [tokens.physician, tokens.vendorB]) {
        const answer = await http().get(`${BASE}/${ids.draftA}`).set('Authorization', token).expect(404);
        expect(answer.headers['content-type']).toContain(FHIR_JSON);
        expectValidFhir(answer.body);
        expect((answer.body as OperationOutcome).issue[0]).toMatchObject({ code: 'not-found', details: { coding: [{ code: 'DEVICE.NOT_FOUND' }] } });
        expect(JSON.stringify(answer.body)).not.toContain('CardioWatch');
      }
      for (const token of [tokens.vendorA, tokens.evaluator]) {
        const answer = await http().get(`${BASE}/${ids.draftA}`).set('Authorization', token).expect(200);
        expectValidFhir(answer.body);
        expect(statusOf(answer.body)).toBe('DRAFT');
      }
    });

    it('answers 404 for an id that names no device, a UUID or not', async () => {
      await http().get(`${BASE}/01936b2e-0000-7000-8000-00000000ffff`).set('Authorization', tokens.evaluator).expect(404);
      const answer = await http().get(`${BASE}/not-a-uuid`).set('Authorization', tokens.evaluator).expect(404);
      expect(answer.body.resourceType).toBe('OperationOutcome');
    });

    it('needs a token', async () => {
      const answer = await http().get(`${BASE}/${ids.certifiedA}`).expect(401);
      expect(answer.body).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'login' }] });
    });
  });

  describe('search', () => {
    it('lists exactly what GET /v1/devices lists to each caller, in the same order', async () => {
      const publicOnes = [ids.certifiedA, ids.suspendedA, ids.certifiedB];
      const cases: Array<[string, string[]]> = [
        [tokens.physician, publicOnes],
        [tokens.vendorB, [ids.certifiedA, ids.suspendedA, ids.certifiedB, ids.submittedB]],
        [tokens.vendorA, [ids.draftA, ids.certifiedA, ids.suspendedA, ids.certifiedB]],
        [tokens.evaluator, [ids.draftA, ids.certifiedA, ids.suspendedA, ids.certifiedB, ids.submittedB]],
      ];
      for (const [token, expected] of cases) {
        const bundle = await search(token);
        expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: expected.length });
        expect(idsOf(bundle)).toEqual(expected);
        expect(idsOf(bundle)).toEqual(await jsonIds(token));
      }
    });

    it('filters on the certification status, within what the caller may see', async () => {
      expect(idsOf(await search(tokens.physician, '?status=CERTIFIED'))).toEqual([ids.certifiedA, ids.certifiedB]);
      expect(idsOf(await search(tokens.vendorA, '?status=DRAFT,SUSPENDED'))).toEqual([ids.draftA, ids.suspendedA]);
      const none = await search(tokens.physician, '?status=DRAFT,SUBMITTED');
      expect(none.total).toBe(0);
      expect(none.entry ?? []).toEqual([]);
      for (const entry of (await search(tokens.evaluator, '?status=SUBMITTED')).entry ?? []) expect(statusOf(entry.resource!)).toBe('SUBMITTED');
    });

    it('filters on the last change (_lastUpdated, a range by repeating it)', async () => {
      const mark = encodeURIComponent(beforeSuspension);
      expect(idsOf(await search(tokens.evaluator, `?_lastUpdated=gt${mark}`))).toEqual([ids.suspendedA]);
      expect(idsOf(await search(tokens.evaluator, `?_lastUpdated=lt${mark}`))).toEqual([ids.draftA, ids.certifiedA, ids.certifiedB, ids.submittedB]);
      const suspended = (await search(tokens.evaluator, `?_lastUpdated=gt${mark}`)).entry![0].resource!;
      const exact = encodeURIComponent(suspended.meta!.lastUpdated!);
      expect(idsOf(await search(tokens.physician, `?_lastUpdated=ge${mark}&_lastUpdated=le${exact}`))).toEqual([ids.suspendedA]);
      expect(idsOf(await search(tokens.physician, `?_lastUpdated=gt${exact}`))).toEqual([]);
      expect(idsOf(await search(tokens.physician, `?_lastUpdated=gt${mark}&status=CERTIFIED`))).toEqual([]);
    });

    it('pages with _count, and following `next` reaches every match once', async () => {
      const first = await search(tokens.evaluator, '?_count=2');
      expect(first.total).toBe(5);
      expect(first.entry).toHaveLength(2);
      const seen = idsOf(first);
      let next = first.link?.find((link) => link.relation === 'next')?.url;
      while (next) {
        const url = new URL(next);
        expect(url.pathname).toBe(BASE);
        expect(url.searchParams.get('_count')).toBe('2');
        const page = await search(tokens.evaluator, url.search);
        seen.push(...idsOf(page));
        next = page.link?.find((link) => link.relation === 'next')?.url;
      }
      expect(seen).toEqual([ids.draftA, ids.certifiedA, ids.suspendedA, ids.certifiedB, ids.submittedB]);
      for (const entry of first.entry ?? []) expect(entry.fullUrl).toMatch(new RegExp(`${BASE}/${entry.resource?.id}$`));
    });

    it.each([
      ['patient', `?patient=Patient/${'a'.repeat(64)}`],
      ['status', '?status=active'],
      ['_count', '?_count=0'],
      ['_lastUpdated', '?_lastUpdated=yesterday'],
    ])('refuses a bad %s with a 400 OperationOutcome naming it', async (parameter, query) => {
      const answer = await http().get(`${BASE}${query}`).set('Authorization', tokens.evaluator).expect(400);
      expect(answer.headers['content-type']).toContain(FHIR_JSON);
      expectValidFhir(answer.body);
      const outcome = answer.body as OperationOutcome;
      expect(outcome.issue[0].code).toBe('invalid');
      expect(outcome.issue.flatMap((issue) => issue.expression ?? [])).toEqual([parameter]);
    });
  });

  it('declares DeviceDefinition at /internal/fhir/capabilities, its status codes the API statuses', async () => {
    const answer = await http().get('/internal/fhir/capabilities').expect(200);
    const capability = answer.body.resources.find((resource: { type: string }) => resource.type === 'DeviceDefinition');
    expect(capability.interactions).toEqual(['read', 'search-type']);
    expect(capability.searchParams.map((param: { name: string }) => param.name)).toEqual(['status', '_lastUpdated', '_count', '_page']);
    expect(capability.searchParams[0].values).toEqual([...DEVICE_STATUSES]);
  });
});
