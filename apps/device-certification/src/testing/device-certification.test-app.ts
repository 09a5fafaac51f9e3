import { signDevToken, type DevTokenRequest } from '@app/auth';
import { CLOCK, configureServiceApp, loadPlatformConfig, runMigrations, type Clock } from '@app/service-kit';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DeviceCertificationModule, SERVICE } from '../device-certification.module';
import { migrations } from '../migrations';

/** A clock the test moves by hand, to let validity periods run out. */
export class MovableClock implements Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export interface DeviceCertificationTestApp {
  app: INestApplication;
  dataSource: DataSource;
  clock: MovableClock;
  schema: string;
  close(): Promise<void>;
}

/**
 * The real service on a fresh schema of the real Postgres, the real Kafka and
 * a Redis queue prefix of its own: only the clock is the test's.
 */
export async function startDeviceCertification(): Promise<DeviceCertificationTestApp> {
  const schema = `t_devcert_${randomBytes(5).toString('hex')}`;
  const config = loadPlatformConfig(process.env, { defaultPort: 0 });
  await runMigrations(config, schema, migrations);
  const clock = new MovableClock();
  const moduleRef = await Test.createTestingModule({
    imports: [DeviceCertificationModule.forRoot({ config, schema, queuePrefix: `bull-test-${schema}` })],
  })
    .overrideProvider(CLOCK)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication({ logger: ['error'] });
  configureServiceApp(app, SERVICE);
  await app.init();
  const dataSource = app.get(DataSource);
  return {
    app,
    dataSource,
    clock,
    schema,
    async close() {
      await app.close();
      const admin = new DataSource({ type: 'postgres', url: config.DATABASE_URL });
      await admin.initialize();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.destroy();
    },
  };
}

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
