import { eventStoreMigrations } from '@app/event-sourcing';
import { CreateInbox1764300100000 } from '@app/messaging';
import { CreateAudienceTables1764321000000 } from './create-audience-tables.migration';
import { CreateNotificationTables1764320000000 } from './create-notification-tables.migration';
import { CreateWebhookTables1764322000000 } from './create-webhook-tables.migration';

/** Every migration of the service's schema, in order (`npm run migrate` and the tests run them). */
export const migrations = [...eventStoreMigrations, CreateInbox1764300100000, CreateNotificationTables1764320000000, CreateAudienceTables1764321000000, CreateWebhookTables1764322000000];
