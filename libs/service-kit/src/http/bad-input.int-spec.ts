import { signDevToken } from '@app/auth';
import { ERROR_CODES } from '@app/contracts';
import request from 'supertest';
import { type KitTestApp, startKitTestApp } from '../testing/kit-test-app.fixture';
import { HandlerProbe, ThingsTestController } from '../testing/kit-test.controllers';

const token = `Bearer ${signDevToken({ role: 'vendor' })}`;
const MiB = 1024 * 1024;
const justification = 'justified at length, twenty+';

/** A valid thing whose JSON text is exactly `bytes` long (the name pads it). */
function thingOfSize(bytes: number): string {
  const around = JSON.stringify({ name: '', overrides: [] });
  return JSON.stringify({ name: 'x'.repeat(bytes - around.length), overrides: [] });
}

describe('service-kit: input no route may receive (real Postgres)', () => {
  let kit: KitTestApp;
  const http = () => request(kit.app.getHttpServer());
  const storedKeys = async () => Number((await kit.dataSource.query('SELECT count(*) AS n FROM idempotency_keys'))[0].n);

  beforeAll(async () => {
    kit = await startKitTestApp({ controllers: [ThingsTestController] });
  });
  afterAll(() => kit.close());
  beforeEach(() => HandlerProbe.reset());

  it('refuses U+0000 and unpaired surrogates before the idempotency store and the handler, naming each field', async () => {
    const response = await http()
      .post('/v1/things')
      .set('Authorization', token)
      .set('Idempotency-Key', 'bad-input-1')
      .send({ name: 'pump\u0000', overrides: [{ ruleId: 'R1 😀', justification: `${justification}\ud800` }] })
      .expect(400);
    expect(response.body).toEqual({
      error: {
        code: ERROR_CODES.validationFailed,
        message: 'Invalid request: name, overrides[0].justification',
        details: [
          { field: 'name', code: 'NUL_CHARACTER', message: 'name must not contain the character U+0000' },
          { field: 'overrides[0].justification', code: 'UNPAIRED_SURROGATE', message: expect.stringContaining('unpaired') },
        ],
      },
    });
    expect(HandlerProbe.calls).toBe(0);
    expect(await storedKeys()).toBe(0);
    // The key was never taken: a good body under it is served.
    await http().post('/v1/things').set('Authorization', token).set('Idempotency-Key', 'bad-input-1').send({ name: 'pump', overrides: [] }).expect(201);
  });

  it('refuses a body nested 5,000 levels deep with a 400, not a stack overflow in the validation pipe', async () => {
    const response = await http()
      .post('/v1/things')
      .set('Authorization', token)
      .set('Content-Type', 'application/json')
      .send(`{"name":"pump","overrides":${'['.repeat(5_000)}${']'.repeat(5_000)}}`)
      .expect(400);
    expect(response.body.error.details).toEqual([
      { field: `overrides${'[0]'.repeat(31)}`, code: 'TOO_DEEP', message: expect.stringContaining('deeper than 32 levels') },
    ]);
    expect(HandlerProbe.calls).toBe(0);
  });

  it('names a bad path parameter by its name and a bad query field by its key', async () => {
    const path = await http().post('/v1/things/a%00b/refusal').set('Authorization', token).expect(400);
    expect(path.body.error.details).toEqual([{ field: 'id', code: 'NUL_CHARACTER', message: 'id must not contain the character U+0000' }]);
    const query = await http().get('/v1/things?page=1&q=%00').set('Authorization', token).expect(400);
    expect(query.body.error.details).toEqual([{ field: 'q', code: 'NUL_CHARACTER', message: 'q must not contain the character U+0000' }]);
    expect(HandlerProbe.calls).toBe(0);
  });

  it('refuses unsafe input before the token is even looked at (the kit registers its guard before the auth guards)', async () => {
    const refused = await http().post('/v1/things/a%00b/refusal').expect(400);
    expect(refused.body.error).toMatchObject({ code: 'REQUEST.VALIDATION_FAILED', details: [{ field: 'id', code: 'NUL_CHARACTER' }] });
    await http().post('/v1/things/ab/refusal').expect(401);
  });

  it('answers a path segment that is not UTF-8 (a lone surrogate, WTF-8 encoded) with a 400 naming the path', async () => {
    const response = await http().post('/v1/things/%ED%A0%80/refusal').set('Authorization', token).expect(400);
    expect(response.body.error).toMatchObject({ code: ERROR_CODES.validationFailed, details: [{ field: 'path', code: 'MALFORMED_ENCODING' }] });
    expect(HandlerProbe.calls).toBe(0);
  });

  it('serves page 10,000 and refuses page 10,001 and 1e21, naming page', async () => {
    await http().get('/v1/things?page=10000').set('Authorization', token).expect(200);
    for (const page of ['10001', '1e21']) {
      const response = await http().get(`/v1/things?page=${page}`).set('Authorization', token).expect(400);
      expect(response.body.error.details).toEqual([expect.objectContaining({ field: 'page', code: 'MAX' })]);
    }
  });

  it('takes a JSON body of exactly 1 MiB and answers one byte more with 413 REQUEST.TOO_LARGE', async () => {
    const limit = thingOfSize(MiB);
    expect(Buffer.byteLength(limit)).toBe(MiB);
    await http().post('/v1/things').set('Authorization', token).set('Content-Type', 'application/json').send(limit).expect(201);
    const over = await http()
      .post('/v1/things')
      .set('Authorization', token)
      .set('Content-Type', 'application/json')
      .send(thingOfSize(MiB + 1))
      .expect(413);
    expect(over.body).toEqual({ error: { code: 'REQUEST.TOO_LARGE', message: 'request entity too large', details: [] } });
    expect(HandlerProbe.calls).toBe(1);
  });
});
