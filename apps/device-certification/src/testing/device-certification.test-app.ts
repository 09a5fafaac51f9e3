import { signDevToken, type DevTokenRequest } from '@app/auth';
import { startServiceTestApp, type ServiceTestApp } from '@app/testing';
import { DeviceCertificationModule, SERVICE } from '../device-certification.module';
import { migrations } from '../migrations';

export type DeviceCertificationTestApp = ServiceTestApp;

/** The real service on its own schema, with a BullMQ prefix of its own so it never shares queues. */
export const startDeviceCertification = (): Promise<DeviceCertificationTestApp> =>
  startServiceTestApp({
    service: SERVICE,
    migrations,
    module: ({ config, schema }) => DeviceCertificationModule.forRoot({ config, schema, queuePrefix: `bull-test-${schema}` }),
  });

export const VENDOR_A = '73282932000074';
export const VENDOR_B = '44306184100047';

export const bearer = (request: DevTokenRequest): string => `Bearer ${signDevToken(request)}`;
export const tokens = {
  vendorA: bearer({ role: 'vendor', org: VENDOR_A, sub: 'vendor-a-user' }),
  vendorB: bearer({ role: 'vendor', org: VENDOR_B, sub: 'vendor-b-user' }),
  evaluator: bearer({ role: 'evaluator', org: 'EVAL-GMED', sub: 'evaluator-user' }),
  physician: bearer({ role: 'physician', sub: 'physician-user' }),
};

export const productBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'CardioWatch',
  model: 'CW-2',
  udiDi: '03760123450010',
  manufacturer: { siret: VENDOR_A, name: 'Cardio SAS' },
  ceClass: 'IIa',
  notifiedBodyCertificate: 'NB-0459-2026-001',
  indications: ['HEART_FAILURE', 'IMPLANTED_CARDIAC_DEVICE'],
  connectivity: ['CELLULAR_4G', 'WIFI'],
  dataHosting: { storage: 'HDS_CLOUD', hdsCertificateId: 'HDS-2025-77' },
  security: { etsiEn303645: true, penTestReportRef: 'PT-9' },
  ...overrides,
});
