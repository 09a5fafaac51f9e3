import { eventStoreMigrations } from '@app/event-sourcing';
import { CreateInbox1764300100000 } from '@app/messaging';
import { CreateEnrolmentTables1764303000000 } from './create-enrolment-tables.migration';
import { CreateTransmissionTables1764308100000 } from './create-transmission-tables.migration';
import { IndexPendingRights1764320000000 } from './index-pending-rights.migration';
import { TrackDeviceAssignments1764400000000 } from './track-device-assignments.migration';

/** Every migration of the service's schema, in order (`npm run migrate` and the tests run them). */
export const migrations = [
  ...eventStoreMigrations,
  CreateInbox1764300100000,
  CreateEnrolmentTables1764303000000,
  CreateTransmissionTables1764308100000,
  IndexPendingRights1764320000000,
  TrackDeviceAssignments1764400000000,
];
