import { signDevToken, type DevTokenRequest } from '@app/auth';
import { startServiceTestApp, type ServiceTestApp } from '@app/testing';
import { migrations } from '../migrations';
import { PATIENTS, PatientsModule } from '../patients.module';
import { CreateStubPatientKeys1765000000001, StubPatientKeyEraser } from './stub-patient-keys';

export type PatientsTestApp = ServiceTestApp;

/**
 * The real service on its own schema, with the stand-in key store of
 * stub-patient-keys.ts in that schema (MERGE: the library's keys and
 * eraser replace it).
 */
export const startPatients = (): Promise<PatientsTestApp> =>
  startServiceTestApp({
    service: PATIENTS.name,
    migrations: [...migrations, CreateStubPatientKeys1765000000001],
    module: ({ config, schema }) => PatientsModule.forRoot({ config, schema, keyEraser: StubPatientKeyEraser }),
  });

export const bearer = (request: DevTokenRequest): string => `Bearer ${signDevToken(request)}`;
export const tokens = {
  admin: bearer({ role: 'admin', sub: 'admin-user' }),
  auditor: bearer({ role: 'auditor', sub: 'auditor-user' }),
  physician: bearer({ role: 'physician', sub: 'physician-user' }),
  patient: bearer({ role: 'patient', sub: 'patient-user' }),
};
