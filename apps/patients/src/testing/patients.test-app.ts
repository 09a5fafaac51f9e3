import { signDevToken, type DevTokenRequest } from '@app/auth';
import { startServiceTestApp, type ServiceTestApp, type TestPatientKeys } from '@app/testing';
import type { DestinationStream } from 'pino';
import { migrations } from '../migrations';
import { PATIENTS, PatientsModule } from '../patients.module';

export type PatientsTestApp = ServiceTestApp & { patientKeys: TestPatientKeys };

/**
 * The real service on its own schema, erasing in a patient keys schema of
 * the test's own (`keys`: one shared with the holders of the same test).
 */
export const startPatients = async (options: { logs?: DestinationStream; ownRoles?: boolean; keys?: TestPatientKeys } = {}): Promise<PatientsTestApp> =>
  (await startServiceTestApp({
    service: PATIENTS.name,
    migrations,
    ownRoles: options.ownRoles,
    allLogs: options.logs !== undefined,
    patientKeys: { right: 'eraser', keys: options.keys },
    module: ({ config, schema, patientKeysSchema }) =>
      PatientsModule.forRoot({
        config: options.logs ? { ...config, LOG_LEVEL: 'trace' } : config,
        schema,
        patientKeysSchema,
        logDestination: options.logs,
      }),
  })) as PatientsTestApp;

export const bearer = (request: DevTokenRequest): string => `Bearer ${signDevToken(request)}`;
export const tokens = {
  admin: bearer({ role: 'admin', sub: 'admin-user' }),
  auditor: bearer({ role: 'auditor', sub: 'auditor-user' }),
  physician: bearer({ role: 'physician', sub: 'physician-user' }),
  patient: bearer({ role: 'patient', sub: 'patient-user' }),
};
