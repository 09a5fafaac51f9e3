import type { AuditEntry } from '@app/contracts';

/** What a step says about itself; the runner fills in the chain, seal, time, stream and service fields. */
export type AuditDraft = Omit<AuditEntry, 'id' | 'prevHash' | 'streamVersion' | 'service' | 'correlationId' | 'occurredAt' | 'seal'>;
