/** The kinds of notification API.md ("Notifications") lists; a webhook subscribes to some of them. */
export const NOTIFICATION_TYPES = [
  'OBSERVANCE_LOW',
  'DEVICE_SUSPENDED',
  'DEVICE_REVOKED',
  'ENROLMENT_SUSPENDED',
  'ENROLMENT_ENDED',
  'RIGHTS_CLOSED',
  'INCIDENT_OPENED',
  'CLAIM_REJECTED',
  'CLAIM_PAID',
  'REVIEW_DECIDED',
] as const;

export type NotificationType = (typeof NOTIFICATION_TYPES)[number];
