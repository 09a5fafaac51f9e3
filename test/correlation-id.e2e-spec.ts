import type { INestApplication } from '@nestjs/common';
import type { ServiceTestApp } from '@app/testing';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { createGatewayApp } from '../apps/gateway/src/gateway.app';
import { loadGatewayConfig } from '../apps/gateway/src/gateway.config';
import { NO_TOPICS } from '../apps/gateway/src/registry';
import { productBody, startDeviceCertification, tokens } from '../apps/device-certification/src/testing/device-certification.test-app';

/**
 * A client's X-Correlation-Id is client-controlled text; the ledger is
 * immutable. Through the gateway and a real service, the audit entry of a
 * write carries the gateway's correlation id, never the client's.
 */
describe("the correlation id of an audit entry is the gateway's, not the client's (gateway, device-certification)", () => {
  let devices: ServiceTestApp;
  let gateway: INestApplication;

  beforeAll(async () => {
    devices = await startDeviceCertification();
    await devices.app.listen(0, '127.0.0.1');
    const port = (devices.app.getHttpServer().address() as AddressInfo).port;
    const services = [
      { name: 'gateway', port: 3000, entry: 'apps/gateway/src/main.ts', prefixes: [], topics: NO_TOPICS },
      { name: 'device-certification', port, entry: 'x.ts', prefixes: ['/v1/devices'], topics: NO_TOPICS },
    ];
    gateway = await createGatewayApp(loadGatewayConfig({ ...process.env, NODE_ENV: 'test' }, { defaultPort: 3000 }), services, {});
    await gateway.init();
  });

  afterAll(async () => {
    await gateway?.close();
    await devices?.close();
  });

  it('records the gateway id in the event and the audit entry; the client id is only echoed', async () => {
    const clientId = 'ticket-4711:retry.2';
    const created = await request(gateway.getHttpServer())
      .post('/v1/devices')
      .set('Authorization', tokens.vendorA)
      .set('X-Correlation-Id', clientId)
      .send(productBody())
      .expect(201);
    const ours = created.headers['x-correlation-id'];
    expect(ours).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
    expect(created.headers['x-client-correlation-id']).toBe(clientId);

    const entries: { entry: { correlationId: string } }[] = await devices.dataSource.query(
      `SELECT entry FROM audit_entries WHERE stream_id LIKE '%' || $1`,
      [created.body.id],
    );
    expect(entries.map((row) => row.entry.correlationId)).toEqual([ours]);
    const events: { metadata: { correlationId: string } }[] = await devices.dataSource.query(
      `SELECT metadata FROM events WHERE stream_id LIKE '%' || $1`,
      [created.body.id],
    );
    expect(events.map((row) => row.metadata.correlationId)).toEqual([ours]);
    expect(JSON.stringify([entries, events])).not.toContain(clientId);
  });
});
