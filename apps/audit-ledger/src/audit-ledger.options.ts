import type { Signer } from '@app/audit';
import type { KeyObject } from 'node:crypto';
import type { DestinationStream } from 'pino';
import type { LedgerConfig } from './config/ledger-config';

export const LEDGER_OPTIONS = Symbol('LEDGER_OPTIONS');

export interface AuditLedgerOptions {
  /** Tests pass their own (fresh schema); the process reads the environment. */
  config?: LedgerConfig;
  schema?: string;
  /** The topic of audit entries (tests use a topic of their own). */
  topic?: string;
  /** Consumer purpose: the group id is `audit-ledger.<purpose>`. */
  consumerPurpose?: string;
  /** Overrides LEDGER_SIGNING_KEY (tests). */
  signingKey?: KeyObject;
  /** Overrides AUDIT_SIGNERS / AUDIT_SIGNERS_FILE (tests: their services' test keys). */
  signers?: Signer[];
  batchSize?: number;
  /** How often the writer looks for staged entries besides being woken by the consumer. */
  pollMs?: number;
  /** Where the logs go instead of stdout (a test that reads them). */
  logDestination?: DestinationStream;
}
