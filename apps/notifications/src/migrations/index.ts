import { CreateNotificationTables1764320000000 } from './create-notification-tables.migration';

/** Every migration of the service's schema, in order (so far its read model; the event store and inbox join with the service). */
export const migrations = [CreateNotificationTables1764320000000];
