import { signDevToken, type DevTokenRequest } from '@app/auth';
import { startServiceTestApp, type ServiceTestApp, type TestPatientKeys } from '@app/testing';
import type { DestinationStream } from 'pino';
import { migrations } from '../migrations';
import { PRESCRIPTION, PrescriptionModule } from '../prescription.module';

export type PrescriptionTestApp = ServiceTestApp;

/**
 * The real service on its own schema, with its own BullMQ prefix and its own
 * consumer group for the device history (a fresh schema must read the topic from the start).
 * `ownRoles`: as its own runtime role, with the privileges `npm start` gives it.
 */
export const startPrescription = (
  options: { logs?: DestinationStream; ownRoles?: boolean; keys?: TestPatientKeys; schema?: string } = {},
): Promise<PrescriptionTestApp> =>
  startServiceTestApp({
    service: PRESCRIPTION.name,
    migrations,
    ownRoles: options.ownRoles,
    allLogs: options.logs !== undefined,
    // `schema`: back up on what a stopped app of the service left.
    schema: options.schema,
    // Its patients' keys in a schema of the test's own (`keys`: one shared with the eraser of the same test).
    patientKeys: { right: 'holder', keys: options.keys },
    module: ({ config, schema, patientKeysSchema }) =>
      PrescriptionModule.forRoot({
        // A test that reads the logs reads all of them.
        config: options.logs ? { ...config, LOG_LEVEL: 'trace' } : config,
        schema,
        patientKeysSchema,
        queuePrefix: `bull-test-${schema}`,
        deviceHistoryPurpose: `device-history-${schema}`,
        patientsPurpose: `patient-erasures-${schema}`,
        logDestination: options.logs,
      }),
  });

export const RPPS_CARDIOLOGIST = '10012345673';
export const RPPS_OTHER_CARDIOLOGIST = '10000000016';
export const RPPS_GP = '10000000024';

export const bearer = (request: DevTokenRequest): string => `Bearer ${signDevToken(request)}`;
export const tokens = {
  cardiologist: bearer({ role: 'physician', rpps: RPPS_CARDIOLOGIST, specialty: 'cardiology', sub: 'cardiologist-user' }),
  otherCardiologist: bearer({ role: 'physician', rpps: RPPS_OTHER_CARDIOLOGIST, specialty: 'cardiology', sub: 'other-cardiologist' }),
  generalPractitioner: bearer({ role: 'physician', rpps: RPPS_GP, specialty: 'general_practice', sub: 'gp-user' }),
  auditor: bearer({ role: 'auditor', sub: 'auditor-user' }),
  vendor: bearer({ role: 'vendor', sub: 'vendor-user' }),
};
