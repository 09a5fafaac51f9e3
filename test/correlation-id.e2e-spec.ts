import request from 'supertest';
import { productBody, tokens } from '../apps/device-certification/src/testing/device-certification.test-app';
import { startDevicesBehindGateway, type DevicesBehindGateway } from './support/devices-behind-gateway';

/**
 * A client's X-Correlation-Id is client-controlled text; the ledger is
 * immutable. Through the gateway and a real service, the audit entry of a
 * write carries the gateway's correlation id, never the client's.
 */
describe("the correlation id of an audit entry is the gateway's, not the client's (gateway, device-certification)", () => {
  let platform: DevicesBehindGateway;
  beforeAll(async () => (platform = await startDevicesBehindGateway()));
  afterAll(() => platform?.close());

  it('records the gateway id in the event and the audit entry; the client id is only echoed', async () => {
    const clientId = 'ticket-4711:retry.2';
    const created = await request(platform.gateway.getHttpServer())
      .post('/v1/devices')
      .set('Authorization', tokens.vendorA)
      .set('X-Correlation-Id', clientId)
      .send(productBody())
      .expect(201);
    const ours = created.headers['x-correlation-id'];
    expect(ours).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
    expect(created.headers['x-client-correlation-id']).toBe(clientId);

    const entries: { entry: { correlationId: string } }[] = await platform.devices.dataSource.query(
      `SELECT entry FROM audit_entries WHERE stream_id LIKE '%' || $1`,
      [created.body.id],
    );
    expect(entries.map((row) => row.entry.correlationId)).toEqual([ours]);
    const events: { metadata: { correlationId: string } }[] = await platform.devices.dataSource.query(
      `SELECT metadata FROM events WHERE stream_id LIKE '%' || $1`,
      [created.body.id],
    );
    expect(events.map((row) => row.metadata.correlationId)).toEqual([ours]);
    expect(JSON.stringify([entries, events])).not.toContain(clientId);
  });
});
