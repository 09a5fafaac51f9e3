import type { EntityManager } from 'typeorm';

/**
 * The database transaction of one command. Repositories, projections and the
 * event store run their statements through it, so the events, the audit
 * entry, the outbox rows, the read model and the stored idempotent answer
 * commit together or not at all. Handlers only pass it on.
 */
export type Transaction = EntityManager;
