import { NOTIFICATION_RULES, ruleFor, type Audience } from './notification-rules';
import { NOTIFICATION_TYPES, type NotificationType } from '@app/contracts';

/** API.md ("Notifications"): who is told what. */
const API_AUDIENCES: Record<NotificationType, Audience[]> = {
  OBSERVANCE_LOW: ['PRESCRIBER'],
  DEVICE_SUSPENDED: ['PRESCRIBER'],
  DEVICE_REVOKED: ['PRESCRIBER'],
  ENROLMENT_SUSPENDED: ['PRESCRIBER'],
  ENROLMENT_ENDED: ['PRESCRIBER'],
  RIGHTS_CLOSED: ['OPERATOR_ORG', 'PRESCRIBER'],
  INCIDENT_OPENED: ['OPERATOR_ORG'],
  CLAIM_REJECTED: ['PAYEE_ORG'],
  CLAIM_PAID: ['PAYEE_ORG'],
  REVIEW_DECIDED: ['VENDOR_ORG'],
};

describe('the notification rules', () => {
  it('give every type of API.md to exactly the audiences it names', () => {
    const audiences = new Map<NotificationType, Set<Audience>>();
    for (const rule of NOTIFICATION_RULES) {
      const seen = audiences.get(rule.notification) ?? new Set<Audience>();
      rule.audiences.forEach((audience) => seen.add(audience));
      audiences.set(rule.notification, seen);
    }
    for (const type of NOTIFICATION_TYPES) {
      expect({ type, audiences: [...(audiences.get(type) ?? [])].sort() }).toEqual({ type, audiences: API_AUDIENCES[type] });
    }
  });

  it('audit exactly the facts that engage the prescriber: observance, device suspended or revoked, rights closed', () => {
    const engaging = [...new Set(NOTIFICATION_RULES.filter((rule) => rule.engaging).map((rule) => rule.notification))].sort();
    expect(engaging).toEqual(['DEVICE_REVOKED', 'DEVICE_SUSPENDED', 'OBSERVANCE_LOW', 'RIGHTS_CLOSED']);
    for (const rule of NOTIFICATION_RULES.filter((candidate) => candidate.engaging)) expect(rule.audiences).toContain('PRESCRIBER');
  });

  it('hold one line per event type', () => {
    const keys = NOTIFICATION_RULES.map((rule) => `${rule.source}/${rule.event}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('tell closed rights only, not open or unavailable ones', () => {
    const checked = (status: string) => ruleFor('enrolment', 'RightsChecked', { request: 1, status, checkedAt: '2026-12-01T00:00:00.000Z', attempts: 1 });
    expect(checked('CLOSED')?.notification).toBe('RIGHTS_CLOSED');
    expect(checked('OPEN')).toBeNull();
    expect(checked('UNAVAILABLE')).toBeNull();
  });

  it('tell the operator of the incidents the platform opened, not of those it opened itself', () => {
    const opened = (openedBy: string) => ruleFor('enrolment', 'ConnectivityIncidentOpened', { incidentId: 'i', openedBy, cause: 'UNKNOWN' });
    expect(opened('system')?.notification).toBe('INCIDENT_OPENED');
    expect(opened('operator')).toBeNull();
  });

  it('tell the prescriber of a suspension or an end they did not make, nor were told of as its cause', () => {
    const suspended = (cause: string) => ruleFor('enrolment', 'EnrolmentSuspended', { cause })?.notification ?? null;
    expect(['BY_OPERATOR', 'CONSENT_WITHDRAWN', 'CERTIFICATION_EXPIRED'].map(suspended)).toEqual(Array(3).fill('ENROLMENT_SUSPENDED'));
    expect(['BY_PRESCRIBER', 'DEVICE_SUSPENDED', 'DEVICE_REVOKED'].map(suspended)).toEqual([null, null, null]);
    const ended = (cause: string) => ruleFor('enrolment', 'EnrolmentEnded', { cause })?.notification ?? null;
    expect(['BY_OPERATOR', 'PRESCRIPTION_EXPIRED'].map(ended)).toEqual(['ENROLMENT_ENDED', 'ENROLMENT_ENDED']);
    expect(['BY_PRESCRIBER', 'PRESCRIPTION_CANCELLED'].map(ended)).toEqual([null, null]);
  });

  it('ignore the events no one must be told of', () => {
    expect(ruleFor('enrolment', 'ConsentRecorded', {})).toBeNull();
    expect(ruleFor('device-certification', 'DeviceReinstated', {})).toBeNull();
    expect(ruleFor('claims', 'ClaimCreated', {})).toBeNull();
    expect(ruleFor('prescription', 'DeviceSuspended', {})).toBeNull();
  });
});
