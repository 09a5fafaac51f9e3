import request from 'supertest';
import { productBody, startDeviceCertification, tokens, type DeviceCertificationTestApp } from './testing/device-certification.test-app';

describe('device certification: who may do and see what (real Postgres, Kafka, Redis)', () => {
  let t: DeviceCertificationTestApp;
  let draftOfA: string;
  const http = () => request(t.app.getHttpServer());
  const eventCount = async (id: string) =>
    Number((await t.dataSource.query('SELECT count(*) AS n FROM events WHERE stream_id = $1', [id]))[0].n);

  beforeAll(async () => {
    t = await startDeviceCertification();
    draftOfA = (await http().post('/v1/devices').set('Authorization', tokens.vendorA).send(productBody()).expect(201)).body.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it("hides vendor A's draft from vendor B: read, history, edit and submit are all 404", async () => {
    for (const call of [
      http().get(`/v1/devices/${draftOfA}`),
      http().get(`/v1/devices/${draftOfA}/history`),
      http().put(`/v1/devices/${draftOfA}`).send(productBody()),
      http().post(`/v1/devices/${draftOfA}/submission`),
    ]) {
      const answer = await call.set('Authorization', tokens.vendorB).expect(404);
      expect(answer.body.error.code).toBe('DEVICE.NOT_FOUND');
    }
    const list = await http().get('/v1/devices').set('Authorization', tokens.vendorB).expect(200);
    expect(list.body.items.map((device: { id: string }) => device.id)).not.toContain(draftOfA);
    expect(await eventCount(draftOfA)).toBe(1);
  });

  it('hides drafts from physicians but shows them to their vendor and to evaluators', async () => {
    await http().get(`/v1/devices/${draftOfA}`).set('Authorization', tokens.physician).expect(404);
    await http().get(`/v1/devices/${draftOfA}`).set('Authorization', tokens.vendorA).expect(200);
    await http().get(`/v1/devices/${draftOfA}`).set('Authorization', tokens.evaluator).expect(200);
  });

  it('lets only evaluators review, and only vendors register', async () => {
    const physicianReview = await http()
      .post(`/v1/devices/${draftOfA}/review`)
      .set('Authorization', tokens.physician)
      .send({ decision: 'REJECT', reasons: ['x'] })
      .expect(403);
    expect(physicianReview.body.error.code).toBe('AUTH.FORBIDDEN');
    await http().post(`/v1/devices/${draftOfA}/review`).set('Authorization', tokens.vendorA).send({ decision: 'REJECT', reasons: ['x'] }).expect(403);
    const evaluatorRegisters = await http().post('/v1/devices').set('Authorization', tokens.evaluator).send(productBody()).expect(403);
    expect(evaluatorRegisters.body.error.code).toBe('AUTH.FORBIDDEN');
  });

  it('needs a token', async () => {
    const answer = await http().get('/v1/devices').expect(401);
    expect(answer.body.error.code).toBe('AUTH.TOKEN_MISSING');
  });

  describe('bad input: 400 naming the field, nothing written', () => {
    const cases: Array<[string, Record<string, unknown>]> = [
      ['manufacturer.siret', { manufacturer: { siret: '73282932000075', name: 'Cardio SAS' } }],
      ['exploitant.siret', { exploitant: { siret: '44306184100048', name: 'TeleSuivi Services' } }],
      ['udiDi', { udiDi: '03760123450011' }],
      ['indications', { indications: ['HEART_FAILURE', 'ASTHMA'] }],
      ['connectivity', { connectivity: ['CARRIER_PIGEON'] }],
      ['ceClass', { ceClass: 'IV' }],
      ['dataHosting.storage', { dataHosting: { storage: 'USB_STICK' } }],
      ['security.etsiEn303645', { security: { etsiEn303645: 'yes' } }],
      ['name', { name: '' }],
      ['security', { security: undefined }],
      ['manufacturer', { manufacturer: 'Cardio SAS' }],
    ];
    it.each(cases)('names %s', async (field, override) => {
      const before = Number((await t.dataSource.query('SELECT count(*) AS n FROM events'))[0].n);
      const answer = await http().post('/v1/devices').set('Authorization', tokens.vendorA).send(productBody(override)).expect(400);
      expect(answer.body.error.code).toBe('REQUEST.VALIDATION_FAILED');
      expect(answer.body.error.details.map((detail: { field: string }) => detail.field)).toEqual([field]);
      const after = Number((await t.dataSource.query('SELECT count(*) AS n FROM events'))[0].n);
      expect(after).toBe(before);
    });

    it('names every missing certification field of a review', async () => {
      const answer = await http().post(`/v1/devices/${draftOfA}/review`).set('Authorization', tokens.evaluator).send({ decision: 'CERTIFY' }).expect(400);
      expect(answer.body.error.details.map((detail: { field: string }) => detail.field).sort()).toEqual([
        'certifiedIndications',
        'lppCode',
        'validUntil',
      ]);
    });
  });
});
