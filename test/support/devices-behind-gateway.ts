import type { INestApplication } from '@nestjs/common';
import type { ServiceTestApp } from '@app/testing';
import type { AddressInfo } from 'node:net';
import { startDeviceCertification } from '../../apps/device-certification/src/testing/device-certification.test-app';
import { createGatewayApp } from '../../apps/gateway/src/gateway.app';
import { loadGatewayConfig } from '../../apps/gateway/src/gateway.config';
import { NO_TOPICS } from '../../apps/gateway/src/registry';

export interface DevicesBehindGateway {
  devices: ServiceTestApp;
  gateway: INestApplication;
  close(): Promise<void>;
}

/** The real device-certification service on a free port, and the real gateway routing /v1/devices to it. */
export async function startDevicesBehindGateway(): Promise<DevicesBehindGateway> {
  const devices = await startDeviceCertification();
  await devices.app.listen(0, '127.0.0.1');
  const port = (devices.app.getHttpServer().address() as AddressInfo).port;
  const services = [
    { name: 'gateway', port: 3000, entry: 'apps/gateway/src/main.ts', prefixes: [], topics: NO_TOPICS },
    { name: 'device-certification', port, entry: 'x.ts', prefixes: ['/v1/devices'], topics: NO_TOPICS },
  ];
  const gateway = await createGatewayApp(loadGatewayConfig({ ...process.env, NODE_ENV: 'test' }, { defaultPort: 3000 }), services, {});
  await gateway.init();
  return {
    devices,
    gateway,
    async close() {
      await gateway.close();
      await devices.close();
    },
  };
}
