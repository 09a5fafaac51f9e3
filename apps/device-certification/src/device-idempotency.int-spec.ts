import { OutboxSignal } from '@app/messaging';
import request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import { productBody, startDeviceCertification, tokens, type DeviceCertificationTestApp } from './testing/device-certification.test-app';

describe('device commands with an Idempotency-Key (real Postgres, Kafka, Redis)', () => {
  let t: DeviceCertificationTestApp;
  const http = () => request(t.app.getHttpServer());
  const register = (key: string, body = productBody()) =>
    http().post('/v1/devices').set('Authorization', tokens.vendorA).set('Idempotency-Key', key).send(body);
  const devices = async (): Promise<number> => (await t.dataSource.query(`SELECT count(*)::int AS n FROM device_catalogue`))[0].n;

  beforeAll(async () => {
    t = await startDeviceCertification();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers a retry after a crash between the commit and the answer with the first answer: never a second DRAFT device', async () => {
    const signal = t.app.get(OutboxSignal);
    const notify = signal.notify.bind(signal);
    // Right after the commit: as if the process died before answering.
    signal.notify = () => {
      signal.notify = notify;
      throw new Error('the process died after the commit');
    };
    const before = await devices();
    const key = `register-${uuidv7()}`;
    await register(key).expect(500);
    expect(await devices()).toBe(before + 1);

    const retried = await register(key).expect(201);
    expect(retried.headers['idempotency-replayed']).toBe('true');
    expect(retried.body).toMatchObject({ status: 'DRAFT', version: 1 });
    expect(await devices()).toBe(before + 1);
    await http().get(`/v1/devices/${retried.body.id}`).set('Authorization', tokens.vendorA).expect(200);
  });

  it('makes two attempts at once of the same registration one device, both answered alike', async () => {
    const before = await devices();
    const key = `register-${uuidv7()}`;
    const [a, b] = await Promise.all([register(key), register(key)]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body).toEqual(a.body);
    expect(await devices()).toBe(before + 1);
  });
});
