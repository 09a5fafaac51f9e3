import { signDevToken } from '@app/auth';
import { ERROR_CODES } from '@app/contracts';
import request from 'supertest';
import { type KitTestApp, startKitTestApp } from '../testing/kit-test-app.fixture';
import { HandlerProbe, ThingsTestController } from '../testing/kit-test.controllers';

const token = `Bearer ${signDevToken({ role: 'vendor' })}`;
const validThing = { name: 'pump', overrides: [{ ruleId: 'R1', justification: 'justified at length, twenty+' }] };

describe('service-kit HTTP conventions (real Postgres)', () => {
  let kit: KitTestApp;
  const http = () => request(kit.app.getHttpServer());

  beforeAll(async () => {
    kit = await startKitTestApp({ controllers: [ThingsTestController] });
  });
  afterAll(() => kit.close());
  beforeEach(() => HandlerProbe.reset());

  it('answers a bad body with 400 naming each bad field, nested arrays included', async () => {
    const response = await http()
      .post('/v1/things')
      .set('Authorization', token)
      .send({ overrides: [validThing.overrides[0], { ruleId: 'R2', justification: 'too short' }, { ruleId: 3 }], extra: true })
      .expect(400);
    expect(response.body.error.code).toBe(ERROR_CODES.validationFailed);
    expect(response.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'extra',
      'name',
      'overrides[1].justification',
      'overrides[2].justification',
      'overrides[2].ruleId',
    ]);
    expect(HandlerProbe.calls).toBe(0);
  });

  it('answers an invalid NIR, SIRET and RPPS with 400 naming each, and accepts valid ones', async () => {
    const response = await http()
      .post('/v1/things/identifiers')
      .set('Authorization', token)
      .send({ nir: '1 84 03 75 123 456 91', siret: '73282932000075', rpps: '1001234567' })
      .expect(400);
    expect(response.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['nir', 'rpps', 'siret']);
    expect(JSON.stringify(response.body)).not.toContain('123 456');
    expect(HandlerProbe.calls).toBe(0);
    await http()
      .post('/v1/things/identifiers')
      .set('Authorization', token)
      .send({ nir: '2 69 05 2A 123 456 88', siret: '73282932000074', rpps: '10012345673' })
      .expect(200);
  });

  it('answers malformed JSON with 400 and the error body', async () => {
    const response = await http()
      .post('/v1/things')
      .set('Authorization', token)
      .set('Content-Type', 'application/json')
      .send('{"name": ')
      .expect(400);
    expect(response.body.error).toMatchObject({ code: 'REQUEST.MALFORMED_JSON', details: [] });
  });

  it('answers an unknown route with 404 REQUEST.NOT_FOUND', async () => {
    const response = await http().get('/v1/nothing-here').set('Authorization', token).expect(404);
    expect(response.body).toEqual({ error: { code: ERROR_CODES.notFound, message: expect.any(String), details: [] } });
  });

  it('maps a domain refusal to its status, extra fields merged', async () => {
    const response = await http().post('/v1/things/t1/refusal').set('Authorization', token).expect(422);
    expect(response.body).toEqual({
      error: { code: 'THING.REFUSED', message: 'thing t1 may not be refused now', details: [], attemptId: 'attempt-1' },
    });
  });

  it('answers a missing token with 401 in the same error body', async () => {
    const response = await http().post('/v1/things').send(validThing).expect(401);
    expect(response.body.error.code).toBe(ERROR_CODES.authMissing);
    expect(Array.isArray(response.body.error.details)).toBe(true);
  });

  it('hides internals of an unexpected error behind 500 and the correlation id', async () => {
    const response = await http().post('/v1/things/t1/crash').set('Authorization', token).expect(500);
    expect(response.body).toEqual({
      error: { code: ERROR_CODES.internal, message: 'Internal error', details: [], correlationId: response.headers['x-correlation-id'] },
    });
    expect(JSON.stringify(response.body)).not.toContain('hunter2');
  });

  it('echoes the caller correlation id and makes it current in the handler', async () => {
    const response = await http().get('/v1/things').set('Authorization', token).set('X-Correlation-Id', 'corr-abc-123').expect(200);
    expect(response.headers['x-correlation-id']).toBe('corr-abc-123');
    expect(response.body.items[0].correlationId).toBe('corr-abc-123');
  });

  it('creates a UUID v7 correlation id when none is given', async () => {
    const response = await http().get('/v1/things').set('Authorization', token).expect(200);
    expect(response.headers['x-correlation-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
    expect(response.body.items[0].correlationId).toBe(response.headers['x-correlation-id']);
  });

  it('pages lists with defaults and converts query numbers', async () => {
    const defaults = await http().get('/v1/things').set('Authorization', token).expect(200);
    expect(defaults.body).toMatchObject({ page: 1, pageSize: 50, total: 1 });
    const second = await http().get('/v1/things?page=2&pageSize=10').set('Authorization', token).expect(200);
    expect(second.body).toMatchObject({ page: 2, pageSize: 10 });
  });

  it('refuses a page size above 200, naming the query field', async () => {
    const response = await http().get('/v1/things?pageSize=500').set('Authorization', token).expect(400);
    expect(response.body.error.details).toEqual([expect.objectContaining({ field: 'pageSize', code: 'MAX' })]);
  });

  it('serves /health/live without a token', async () => {
    await http().get('/health/live').expect(200, { status: 'live' });
  });

  it('serves the OpenAPI document with bearer auth declared', async () => {
    const response = await http().get('/docs/json').expect(200);
    expect(response.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(Object.keys(response.body.paths)).toContain('/v1/things');
  });
});
