import type { AuditEntry } from '@app/contracts';

/** What a step says about itself; the runner fills in the chain, time, stream and service fields. */
export type AuditDraft = Omit<AuditEntry, 'id' | 'prevHash' | 'streamVersion' | 'service' | 'correlationId' | 'occurredAt'>;
