import { CreateOutbox1764300000000 } from '@app/messaging';
import { CreateEventStore1764200000000 } from './create-event-store.migration';

/** Everything an event-sourced service's schema needs for an append: store tables, then the outbox. */
export const eventStoreMigrations = [CreateEventStore1764200000000, CreateOutbox1764300000000];
