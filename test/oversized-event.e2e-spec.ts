import { schemaChanges, snapshotSchema } from '@app/testing';
import request from 'supertest';
import { productBody, tokens } from '../apps/device-certification/src/testing/device-certification.test-app';
import { startDevicesBehindGateway, type DevicesBehindGateway } from './support/devices-behind-gateway';

/**
 * A body under the 1 MiB HTTP limit can still make an event larger than the
 * broker takes (1 MiB + 12 bytes by default). Staged in the outbox, such a
 * message would be retried forever and hold back its stream; it must be
 * refused at append time, with the default limits, as a 413 and with nothing
 * written, directly and through the gateway.
 */
describe('an event larger than the broker accepts is refused at append time (device-certification, gateway)', () => {
  let platform: DevicesBehindGateway;
  beforeAll(async () => (platform = await startDevicesBehindGateway()));
  afterAll(() => platform?.close());

  // 3,300 profiles of 300 characters: about 1.0 MB of JSON, under 1 MiB, over the 900 KiB a message may weigh.
  const oversized = () => productBody({ fhirProfiles: Array.from({ length: 3_300 }, (_, i) => `${i}`.padEnd(300, 'p')) });

  it.each([
    ['directly', () => platform.devices.app.getHttpServer()],
    ['through the gateway', () => platform.gateway.getHttpServer()],
  ])('answers 413 REQUEST.TOO_LARGE %s, writing nothing', async (_how, server) => {
    const body = JSON.stringify(oversized());
    expect(Buffer.byteLength(body)).toBeLessThan(1024 * 1024);
    const before = await snapshotSchema(platform.devices.dataSource, platform.devices.schema);
    const res = await request(server())
      .post('/v1/devices')
      .set('Authorization', tokens.vendorA)
      .set('Content-Type', 'application/json')
      .send(body);
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: 'REQUEST.TOO_LARGE', message: expect.stringContaining('at most 921600 bytes can be published') });
    expect(schemaChanges(before, await snapshotSchema(platform.devices.dataSource, platform.devices.schema))).toEqual([]);
  });

  it('still takes the next ordinary device at once', async () => {
    await request(platform.gateway.getHttpServer()).post('/v1/devices').set('Authorization', tokens.vendorA).send(productBody()).expect(201);
  });
});
