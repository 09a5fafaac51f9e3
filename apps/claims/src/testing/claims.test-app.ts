import { signDevToken, type DevTokenRequest } from '@app/auth';
import { TOPICS } from '@app/contracts';
import { startConsumerGroupsAtEnd, startServiceTestApp, type ServiceTestApp, type TestPatientKeys } from '@app/testing';
import { randomBytes } from 'node:crypto';
import type { DestinationStream } from 'pino';
import { loadClaimsConfig } from '../claims.config';
import { CLAIMS, ClaimsModule, type ClaimsOverrides } from '../claims.module';
import { migrations } from '../migrations';

export type ClaimsTestApp = ServiceTestApp;

/** Short retries: a test sees an AMO that stays down end SUBMISSION_FAILED in about a second. */
export const TEST_SUBMISSION_RETRY = { attempts: 3, delayMs: 20 };

/**
 * The service's configuration for a test: the every-minute billing job bills
 * a month only 27 days (the longest grace) after its end, so the runs a test
 * sees within that are the ones it starts; payment follows an approval within
 * a second (PAYMENT_DELAY_MS is its window too: 1 s at least).
 */
export const TEST_CLAIMS_ENV: Record<string, string> = {
  BILLING_GRACE_HOURS: String(24 * 27),
  PAYMENT_DELAY_MS: '1000',
  AMO_CLAIMS_ATTEMPTS: String(TEST_SUBMISSION_RETRY.attempts),
  AMO_CLAIMS_RETRY_DELAY_MS: String(TEST_SUBMISSION_RETRY.delayMs),
};

export interface StartClaimsOptions {
  /** As its own runtime role, with the privileges `npm start` gives it. */
  ownRoles?: boolean;
  /** The patient keys schema shared with the enrolment service of the same test (claims opens the identity the enrolment sealed). */
  keys?: TestPatientKeys;
  /** Every line it logs (the privacy scan reads them). */
  logs?: DestinationStream;
  /** The schema of a claims app of the same test that was stopped: the service restarting on what it left. */
  schema?: string;
  /** The AMO submission's retries (a test's are short). */
  submissionRetry?: ClaimsOverrides['submissionRetry'];
  /** A tariff table of the test's own instead of `tariffs.json`. */
  tariffs?: ClaimsOverrides['tariffs'];
  /** Configuration variables of the test (added to TEST_CLAIMS_ENV). */
  env?: Record<string, string>;
}

/**
 * The real service on its own schema, with its own BullMQ prefix and its own
 * consumer groups, which read what is published once it starts (the tests
 * publish after it started): what other tests left on the shared topics is
 * sealed under their own patient keys.
 */
export async function startClaims(options: StartClaimsOptions = {}): Promise<ClaimsTestApp> {
  const groups = options.schema ? null : `t${randomBytes(5).toString('hex')}`;
  const purposes = {
    enrolments: `enrolments-${groups ?? options.schema}`,
    prescriptions: `prescriptions-${groups ?? options.schema}`,
    devices: `device-certifications-${groups ?? options.schema}`,
    patients: `patient-erasures-${groups ?? options.schema}`,
  };
  if (groups) {
    await startConsumerGroupsAtEnd([
      { groupId: `${CLAIMS.name}.${purposes.enrolments}`, topic: TOPICS.enrolment },
      { groupId: `${CLAIMS.name}.${purposes.prescriptions}`, topic: TOPICS.prescription },
      { groupId: `${CLAIMS.name}.${purposes.devices}`, topic: TOPICS.deviceCertification },
      { groupId: `${CLAIMS.name}.${purposes.patients}`, topic: TOPICS.patients },
    ]);
  }
  const env = { ...TEST_CLAIMS_ENV, ...options.env };
  return startServiceTestApp({
    service: CLAIMS.name,
    migrations,
    loadConfig: (processEnv, opts) => loadClaimsConfig({ ...processEnv, ...env }, opts),
    ownRoles: options.ownRoles,
    allLogs: options.logs !== undefined,
    schema: options.schema,
    patientKeys: { right: 'holder', keys: options.keys },
    module: ({ config, schema, patientKeysSchema }) =>
      ClaimsModule.forRoot({
        config: options.logs ? { ...config, LOG_LEVEL: 'trace' } : config,
        schema,
        patientKeysSchema,
        queuePrefix: `bull-test-${schema}`,
        enrolmentPurpose: purposes.enrolments,
        prescriptionPurpose: purposes.prescriptions,
        devicePurpose: purposes.devices,
        patientsPurpose: purposes.patients,
        submissionRetry: options.submissionRetry ?? TEST_SUBMISSION_RETRY,
        ...(options.tariffs ? { tariffs: options.tariffs } : {}),
        logDestination: options.logs,
      }),
  });
}

export const bearer = (request: DevTokenRequest): string => `Bearer ${signDevToken(request)}`;

export const claimsTokens = {
  claimsProcessor: bearer({ role: 'claims_processor', sub: 'claims-processor-user' }),
  admin: bearer({ role: 'admin', sub: 'claims-admin-user' }),
  auditor: bearer({ role: 'auditor', sub: 'auditor-user' }),
  evaluator: bearer({ role: 'evaluator', org: 'EVAL-GMED', sub: 'evaluator-user' }),
  physician: (rpps: string) => bearer({ role: 'physician', rpps, specialty: 'cardiology', sub: `physician-${rpps}` }),
  /** An operator of the org a prescription names: the payee of the OPERATOR line. */
  operatorOf: (org: string) => bearer({ role: 'operator', org, sub: `operator-of-${org}` }),
  /** A vendor whose org is the exploitant's SIRET: the payee of the TECHNICAL line. */
  vendorOf: (siret: string) => bearer({ role: 'vendor', org: siret, sub: `vendor-of-${siret}` }),
  /** A patient's token: the development token turns the NIR into their pseudonym. */
  patient: (nir: string) => bearer({ role: 'patient', nir, sub: 'patient-user' }),
};
