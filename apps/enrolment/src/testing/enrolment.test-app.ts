import { signDevToken, type DevTokenRequest } from '@app/auth';
import { TOPICS } from '@app/contracts';
import { startConsumerGroupsAtEnd, startServiceTestApp, type ServiceTestApp, type TestPatientKeys } from '@app/testing';
import { randomBytes } from 'node:crypto';
import type { DestinationStream } from 'pino';
import { loadEnrolmentConfig } from '../enrolment.config';
import { ENROLMENT, EnrolmentModule } from '../enrolment.module';
import type { RightsRetryPolicy } from '../jobs/rights-check.queue';
import { migrations } from '../migrations';

export type EnrolmentTestApp = ServiceTestApp;

/** Short retries: a test sees a failing AMO end UNAVAILABLE in well under a second. */
export const TEST_RIGHTS_RETRY: RightsRetryPolicy = { attempts: 3, delayMs: 20 };

/**
 * The real service on its own schema, with its own BullMQ prefix and its own
 * consumer groups, which read what is published once it starts (the tests
 * publish after it started).
 * `keys`: the patient keys schema shared with the prescription service of the
 * same test (enrolment opens the identity a prescription sealed);
 * `ownRoles`: as its own runtime role, with the privileges `npm start` gives it.
 */
export async function startEnrolment(
  options: { logs?: DestinationStream; ownRoles?: boolean; keys?: TestPatientKeys; schema?: string; rightsRetry?: RightsRetryPolicy } = {},
): Promise<EnrolmentTestApp> {
  // Its consumer groups start at the end of their topics: what other tests left there is sealed under their own patient keys.
  const groups = options.schema ? null : `t${randomBytes(5).toString('hex')}`;
  const purposes = {
    prescriptions: `prescriptions-${groups ?? options.schema}`,
    devices: `device-certifications-${groups ?? options.schema}`,
    patients: `patient-erasures-${groups ?? options.schema}`,
  };
  if (groups) {
    await startConsumerGroupsAtEnd([
      { groupId: `${ENROLMENT.name}.${purposes.prescriptions}`, topic: TOPICS.prescription },
      { groupId: `${ENROLMENT.name}.${purposes.devices}`, topic: TOPICS.deviceCertification },
      { groupId: `${ENROLMENT.name}.${purposes.patients}`, topic: TOPICS.patients },
    ]);
  }
  return startServiceTestApp({
    service: ENROLMENT.name,
    migrations,
    loadConfig: loadEnrolmentConfig,
    ownRoles: options.ownRoles,
    allLogs: options.logs !== undefined,
    schema: options.schema,
    patientKeys: { right: 'holder', keys: options.keys },
    module: ({ config, schema, patientKeysSchema }) =>
      EnrolmentModule.forRoot({
        config: options.logs ? { ...config, LOG_LEVEL: 'trace' } : config,
        schema,
        patientKeysSchema,
        queuePrefix: `bull-test-${schema}`,
        prescriptionPurpose: purposes.prescriptions,
        devicePurpose: purposes.devices,
        patientsPurpose: purposes.patients,
        rightsRetry: options.rightsRetry ?? TEST_RIGHTS_RETRY,
        logDestination: options.logs,
      }),
  });
}

export const OPERATOR_ORG = 'TLSM-OPERATOR-A';
export const OTHER_OPERATOR_ORG = 'TLSM-OPERATOR-B';

export const bearer = (request: DevTokenRequest): string => `Bearer ${signDevToken(request)}`;
export const enrolmentTokens = {
  operator: bearer({ role: 'operator', org: OPERATOR_ORG, sub: 'operator-a-user' }),
  /** An operator of the org a prescription names (the prescription fixture's `operatorOrg`). */
  operatorOf: (org: string) => bearer({ role: 'operator', org, sub: `operator-of-${org}` }),
  otherOperator: bearer({ role: 'operator', org: OTHER_OPERATOR_ORG, sub: 'operator-b-user' }),
  auditor: bearer({ role: 'auditor', sub: 'auditor-user' }),
  admin: bearer({ role: 'admin', sub: 'admin-user' }),
  /** A patient's token: the development token turns the NIR into their pseudonym. */
  patient: (nir: string) => bearer({ role: 'patient', nir, sub: 'patient-user' }),
};
