import { eventStoreMigrations } from '@app/event-sourcing';
import { CreateInbox1764300100000 } from '@app/messaging';
import { CreateBillingTables1764312000000 } from './create-billing-tables.migration';
import { CreateClaimTables1764311000000 } from './create-claim-tables.migration';
import { CreateFactTables1764310000000 } from './create-fact-tables.migration';

/** Every migration of the service's schema, in order (`npm run migrate` and the tests run them). */
export const migrations = [
  ...eventStoreMigrations,
  CreateInbox1764300100000,
  CreateFactTables1764310000000,
  CreateClaimTables1764311000000,
  CreateBillingTables1764312000000,
];
