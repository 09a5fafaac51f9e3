import { eventStoreMigrations } from '@app/event-sourcing';
import { CreateInbox1764300100000 } from '@app/messaging';
import { CreatePatientErasures1765000000000 } from './create-patient-erasures.migration';

/**
 * Every migration of the service's schema, in order (`npm run migrate` and the tests run them). The inbox is
 * declared as the other services declare it, ready for the consumers a later step may add.
 */
export const migrations = [...eventStoreMigrations, CreateInbox1764300100000, CreatePatientErasures1765000000000];
