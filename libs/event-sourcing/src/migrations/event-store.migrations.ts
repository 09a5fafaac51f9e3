import { CreateOutbox1764300000000 } from '@app/messaging';
import { CreateAuditDisclosures1764307000000 } from './create-audit-disclosures.migration';
import { CreateEventStore1764200000000 } from './create-event-store.migration';

/** Everything an event-sourced service's schema needs for an append: store tables, the outbox, the audit entries' disclosed texts. */
export const eventStoreMigrations = [CreateEventStore1764200000000, CreateOutbox1764300000000, CreateAuditDisclosures1764307000000];
