import { expectValidFhir, type ServiceTestApp } from '@app/testing';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { productBody, startDeviceCertification, tokens } from '../../apps/device-certification/src/testing/device-certification.test-app';
import { gatewayOver } from '../support/gateway-over';

jest.setTimeout(60_000);

const FHIR_JSON = 'application/fhir+json; charset=utf-8';
const pseudonym = 'b'.repeat(64);

/**
 * FHIR through the gateway, as a FHIR client meets it: metadata without a
 * token, every error an OperationOutcome (the gateway's own 401, 404 and 503
 * too), links and fullUrls on the gateway's address.
 */
describe('the FHIR views through the gateway', () => {
  let devices: ServiceTestApp;
  let gateway: INestApplication;
  const http = () => request(gateway.getHttpServer());

  beforeAll(async () => {
    devices = await startDeviceCertification();
    gateway = await gatewayOver({ 'device-certification': devices.app });
  });

  afterAll(async () => {
    await gateway?.close();
    await devices?.close();
  });

  it('serves metadata without a token, listing what the services up here serve and Patient as $everything', async () => {
    const answer = await http().get('/fhir/R4/metadata').expect(200);
    expect(answer.headers['content-type']).toBe(FHIR_JSON);
    expectValidFhir(answer.body);
    expect(answer.body.rest[0].resource.map((resource: { type: string }) => resource.type)).toEqual(['DeviceDefinition', 'Patient']);
  });

  it('links a search and names its resources on the address the client used', async () => {
    const created = await http().post('/v1/devices').set('Authorization', tokens.vendorA).send(productBody()).expect(201);
    const search = await http().get('/fhir/R4/DeviceDefinition?_count=1').set('Authorization', tokens.vendorA).set('Host', 'fhir.example.org').expect(200);
    expect(search.headers['content-type']).toBe(FHIR_JSON);
    expectValidFhir(search.body);
    expect(search.body.link[0]).toEqual({ relation: 'self', url: 'http://fhir.example.org/fhir/R4/DeviceDefinition?_count=1&_page=1' });
    const read = await http().get(`/fhir/R4/DeviceDefinition/${created.body.id}`).set('Authorization', tokens.vendorA).expect(200);
    expect(read.body).toMatchObject({ resourceType: 'DeviceDefinition', id: created.body.id });
  });

  it("answers the gateway's own refusals as OperationOutcome: no token, no such type, a bad $everything", async () => {
    const cases: Array<[string, string | undefined, number, string]> = [
      ['/fhir/R4/DeviceDefinition', undefined, 401, 'login'],
      ['/fhir/R4/Observation?patient=x', tokens.vendorA, 404, 'not-found'],
      [`/fhir/R4/Patient/${pseudonym}`, tokens.vendorA, 404, 'not-found'],
      [`/fhir/R4/Patient/${pseudonym}/$validate`, tokens.vendorA, 404, 'not-found'],
      ['/fhir/R4/Patient/NOT-A-PSEUDONYM/$everything?_since=2026-01-01', tokens.vendorA, 400, 'invalid'],
    ];
    for (const [path, token, status, code] of cases) {
      const call = http().get(path);
      const answer = await (token ? call.set('Authorization', token) : call);
      expect({ path, status: answer.status, contentType: answer.headers['content-type'] }).toEqual({ path, status, contentType: FHIR_JSON });
      expectValidFhir(answer.body);
      expect(answer.body.issue[0]).toMatchObject({ severity: 'error', code });
    }
    const bad = await http().get('/fhir/R4/Patient/NOT-A-PSEUDONYM/$everything?_since=2026-01-01').set('Authorization', tokens.vendorA).expect(400);
    expect(bad.body.issue.slice(1).map((issue: { expression: string[] }) => issue.expression)).toEqual([['pseudonym'], ['_since']]);
  });

  it('gives an empty Bundle for $everything when no service up here searches by patient', async () => {
    const answer = await http().get(`/fhir/R4/Patient/${pseudonym}/$everything`).set('Authorization', tokens.evaluator).expect(200);
    expectValidFhir(answer.body);
    expect(answer.body).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 0, entry: [] });
  });

  it('answers 503 as OperationOutcome when the service serving a type is down, metadata included', async () => {
    const stopped = await startDeviceCertification();
    const alone = await gatewayOver({ 'device-certification': stopped.app });
    await stopped.close();
    for (const path of ['/fhir/R4/DeviceDefinition', '/fhir/R4/metadata']) {
      const answer = await request(alone.getHttpServer()).get(path).set('Authorization', tokens.vendorA).expect(503);
      expect(answer.headers['content-type']).toBe(FHIR_JSON);
      expectValidFhir(answer.body);
      expect(answer.body.issue[0]).toMatchObject({ severity: 'fatal', code: 'transient', details: { coding: [{ code: 'DEPENDENCY.UNAVAILABLE' }] } });
    }
    await alone.close();
  });
});
