import { CreateInbox1764300100000, CreateOutbox1764300000000 } from '@app/messaging';
import { CreateLedger1764305000000 } from './create-ledger.migration';
import { CreateSignersQuarantine1764306000000 } from './create-signers-quarantine.migration';

/** Every migration of the service's schema, in order. The outbox carries chain-break and quarantine alerts. */
export const migrations = [CreateOutbox1764300000000, CreateInbox1764300100000, CreateLedger1764305000000, CreateSignersQuarantine1764306000000];
