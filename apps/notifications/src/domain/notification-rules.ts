import type { ClaimEventsV1, DeviceCertificationEventsV1, EnrolmentEventsV1 } from '@app/contracts';
import type { NotificationType } from '@app/contracts';

/**
 * Who a fact concerns, resolved from the service's read models:
 * - PRESCRIBER: the physician of each prescription the fact touches (for a
 *   device, of every ACTIVE enrolment on it);
 * - OPERATOR_ORG: the telemonitoring operator of the enrolment;
 * - PAYEE_ORG: each payee of the claim's lines (operator org, exploitant);
 * - VENDOR_ORG: the manufacturer who registered the device.
 */
export type Audience = 'PRESCRIBER' | 'OPERATOR_ORG' | 'PAYEE_ORG' | 'VENDOR_ORG';

type Sources = {
  'device-certification': DeviceCertificationEventsV1;
  enrolment: EnrolmentEventsV1;
  claims: ClaimEventsV1;
};

type RuleOf<S extends keyof Sources> = {
  [E in keyof Sources[S] & string]: {
    source: S;
    event: E;
    notification: NotificationType;
    audiences: readonly Audience[];
    /**
     * A fact that engages the prescriber's liability: telling them is audited
     * when the notification is created and when it is read, naming the
     * prescription, so the dossier shows that and when they were told.
     */
    engaging: boolean;
    /** When only some events of the type are worth telling. */
    when?: (payload: Sources[S][E]) => boolean;
  };
}[keyof Sources[S] & string];

export type NotificationRule = RuleOf<'device-certification'> | RuleOf<'enrolment'> | RuleOf<'claims'>;

/**
 * Every fact a person must know, in one table to check against API.md's list
 * ("Notifications"). Closed rights are the one fact told to two audiences: the
 * prescriber for the patient's care, the operator for the follow-up it can no
 * longer bill.
 */
export const NOTIFICATION_RULES: readonly NotificationRule[] = [
  { source: 'enrolment', event: 'ObservanceLow', notification: 'OBSERVANCE_LOW', audiences: ['PRESCRIBER'], engaging: true },
  { source: 'device-certification', event: 'DeviceSuspended', notification: 'DEVICE_SUSPENDED', audiences: ['PRESCRIBER'], engaging: true },
  { source: 'device-certification', event: 'DeviceRevoked', notification: 'DEVICE_REVOKED', audiences: ['PRESCRIBER'], engaging: true },
  {
    source: 'enrolment',
    event: 'EnrolmentSuspended',
    notification: 'ENROLMENT_SUSPENDED',
    audiences: ['PRESCRIBER'],
    engaging: false,
    // Their own suspension is no news to them; one the platform made because the device was suspended or revoked was told as that.
    when: (payload) => !['BY_PRESCRIBER', 'DEVICE_SUSPENDED', 'DEVICE_REVOKED'].includes(payload.cause),
  },
  {
    source: 'enrolment',
    event: 'EnrolmentEnded',
    notification: 'ENROLMENT_ENDED',
    audiences: ['PRESCRIBER'],
    engaging: false,
    // Ended by the prescriber, or by their cancelling the prescription: they know.
    when: (payload) => !['BY_PRESCRIBER', 'PRESCRIPTION_CANCELLED'].includes(payload.cause),
  },
  {
    source: 'enrolment',
    event: 'RightsChecked',
    notification: 'RIGHTS_CLOSED',
    audiences: ['PRESCRIBER', 'OPERATOR_ORG'],
    engaging: true,
    when: (payload) => payload.status === 'CLOSED',
  },
  {
    source: 'enrolment',
    event: 'ConnectivityIncidentOpened',
    notification: 'INCIDENT_OPENED',
    audiences: ['OPERATOR_ORG'],
    engaging: false,
    // An incident the operator opened themselves is news to no one.
    when: (payload) => payload.openedBy === 'system',
  },
  { source: 'claims', event: 'ClaimRejected', notification: 'CLAIM_REJECTED', audiences: ['PAYEE_ORG'], engaging: false },
  { source: 'claims', event: 'ClaimPaid', notification: 'CLAIM_PAID', audiences: ['PAYEE_ORG'], engaging: false },
  { source: 'device-certification', event: 'DeviceCertified', notification: 'REVIEW_DECIDED', audiences: ['VENDOR_ORG'], engaging: false },
  { source: 'device-certification', event: 'DeviceRecertified', notification: 'REVIEW_DECIDED', audiences: ['VENDOR_ORG'], engaging: false },
  { source: 'device-certification', event: 'DeviceRejected', notification: 'REVIEW_DECIDED', audiences: ['VENDOR_ORG'], engaging: false },
];

/** The rule an event falls under, if its type and payload make it a fact to tell. */
export function ruleFor(source: string, event: string, payload: unknown): NotificationRule | null {
  const rule = NOTIFICATION_RULES.find((candidate) => candidate.source === source && candidate.event === event);
  if (!rule) return null;
  const when = rule.when as ((payload: unknown) => boolean) | undefined;
  return !when || when(payload) ? rule : null;
}
