import { signDevToken, type DevTokenRequest } from '@app/auth';
import { startServiceTestApp, type ServiceTestApp } from '@app/testing';
import type { DestinationStream } from 'pino';
import { DEVICE_CERTIFICATION, DeviceCertificationModule } from '../device-certification.module';
import { product, VENDOR_SIRET } from '../domain/device.fixtures';
import { migrations } from '../migrations';

export type DeviceCertificationTestApp = ServiceTestApp;

/**
 * The real service on its own schema, with a BullMQ prefix of its own so it never shares queues;
 * `ownRoles`: as its own runtime role, with the privileges `npm start` gives it; `logs`: where a test reads all it logs.
 */
export const startDeviceCertification = (options: { ownRoles?: boolean; logs?: DestinationStream } = {}): Promise<DeviceCertificationTestApp> =>
  startServiceTestApp({
    service: DEVICE_CERTIFICATION.name,
    migrations,
    ownRoles: options.ownRoles,
    allLogs: options.logs !== undefined,
    module: ({ config, schema }) =>
      DeviceCertificationModule.forRoot({
        config: options.logs ? { ...config, LOG_LEVEL: 'trace' } : config,
        schema,
        queuePrefix: `bull-test-${schema}`,
        logDestination: options.logs,
      }),
  });

export const VENDOR_A = VENDOR_SIRET;
export const VENDOR_B = '44306184100047';

export const bearer = (request: DevTokenRequest): string => `Bearer ${signDevToken(request)}`;
export const tokens = {
  vendorA: bearer({ role: 'vendor', org: VENDOR_A, sub: 'vendor-a-user' }),
  vendorB: bearer({ role: 'vendor', org: VENDOR_B, sub: 'vendor-b-user' }),
  evaluator: bearer({ role: 'evaluator', org: 'EVAL-GMED', sub: 'evaluator-user' }),
  physician: bearer({ role: 'physician', sub: 'physician-user' }),
};

/** The HTTP body of a conform product: the domain fixture, as a vendor sends it. */
export const productBody = (overrides: Record<string, unknown> = {}) => ({ ...product(), ...overrides });
