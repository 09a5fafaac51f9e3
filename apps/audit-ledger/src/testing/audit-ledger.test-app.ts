import type { DestinationStream } from 'pino';
import { signDevToken, type DevTokenRequest } from '@app/auth';
import type { Signer } from '@app/audit';
import { createTopics, eventually, startServiceTestApp, testSigners, uniqueTopic, type ServiceTestApp } from '@app/testing';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { AUDIT_LEDGER, AuditLedgerModule } from '../audit-ledger.module';
import { loadLedgerConfig } from '../config/ledger-config';
import { migrations } from '../migrations';

export interface AuditLedgerTestApp extends ServiceTestApp {
  topic: string;
  signingKey: KeyObject;
}

/** The writers whose test keys (libs/testing testSigningKey) the ledger trusts unless told otherwise. */
export const TEST_WRITERS = ['device-certification', 'prescription', 'enrolment', 'claims'];

/**
 * The real service on a fresh schema, real Kafka and a key of its own. It reads
 * a topic of its own unless told to read the platform's (`audit.entries.v1`),
 * and accepts seals from the test keys of TEST_WRITERS unless given `signers`.
 * `ownRoles`: as its own runtime role, with the privileges `npm start` gives it.
 */
export async function startAuditLedger(
  options: { topic?: string; signers?: Signer[]; ownRoles?: boolean; logs?: DestinationStream } = {},
): Promise<AuditLedgerTestApp> {
  const signers = options.signers ?? testSigners(TEST_WRITERS);
  const topic = options.topic ?? uniqueTopic('audit.entries.test');
  if (!options.topic) await createTopics([topic], 3);
  const { privateKey: signingKey } = generateKeyPairSync('ed25519');
  const started = await startServiceTestApp({
    service: AUDIT_LEDGER.name,
    migrations,
    ownRoles: options.ownRoles,
    allLogs: options.logs !== undefined,
    loadConfig: loadLedgerConfig,
    module: ({ config, schema }) =>
      AuditLedgerModule.forRoot({
        config: options.logs ? { ...config, LOG_LEVEL: 'trace' } : config,
        schema,
        topic,
        consumerPurpose: `test-${schema}`,
        signingKey,
        signers,
        pollMs: 100,
        logDestination: options.logs,
      }),
  });
  return { ...started, topic, signingKey };
}

export const bearer = (request: DevTokenRequest): string => `Bearer ${signDevToken(request)}`;
export const PRESCRIBER_RPPS = '10003456789';
export const tokens = {
  auditor: bearer({ role: 'auditor', sub: 'auditor-user' }),
  prescriber: bearer({ role: 'physician', sub: 'prescriber-user', rpps: PRESCRIBER_RPPS, specialty: 'cardiology' }),
  otherPhysician: bearer({ role: 'physician', sub: 'other-physician', rpps: '10009999999', specialty: 'cardiology' }),
  operator: bearer({ role: 'operator', sub: 'operator-user', org: 'OP-1' }),
};

/** `eventually` of libs/testing, in the argument order the ledger's tests were written with. */
export const waitFor = <T>(probe: () => Promise<T | undefined | false>, what: string, timeoutMs = 30_000): Promise<T> =>
  eventually(`Timed out waiting for ${what}`, probe, { timeoutMs, intervalMs: 100 });
