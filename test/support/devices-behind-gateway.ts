import type { INestApplication } from '@nestjs/common';
import type { ServiceTestApp } from '@app/testing';
import { startDeviceCertification } from '../../apps/device-certification/src/testing/device-certification.test-app';
import { gatewayOver } from './gateway-over';

export interface DevicesBehindGateway {
  devices: ServiceTestApp;
  gateway: INestApplication;
  close(): Promise<void>;
}

/** The real device-certification service on a free port, and the real gateway routing /v1/devices to it. */
export async function startDevicesBehindGateway(): Promise<DevicesBehindGateway> {
  const devices = await startDeviceCertification();
  const gateway = await gatewayOver({ 'device-certification': devices.app });
  return {
    devices,
    gateway,
    async close() {
      await gateway.close();
      await devices.close();
    },
  };
}
