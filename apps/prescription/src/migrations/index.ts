import { eventStoreMigrations } from '@app/event-sourcing';
import { CreateInbox1764300100000 } from '@app/messaging';
import { CreatePrescriptionTables1764302000000 } from './create-prescription-tables.migration';
import { PatientErasure1764302100000 } from './patient-erasure.migration';

/** Every migration of the service's schema, in order (`npm run migrate` and the tests run them). */
export const migrations = [...eventStoreMigrations, CreateInbox1764300100000, CreatePrescriptionTables1764302000000, PatientErasure1764302100000];
