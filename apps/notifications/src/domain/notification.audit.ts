import type { Actor, SubjectRef } from '@app/contracts';
import type { AuditDraft } from '@app/event-sourcing/decider/audit-draft';
import type { NotificationEvent } from './notification.events';
import type { NotificationState } from './notification.state';

/** The audit subject of a notification. */
export const notificationSubject = (id: string): SubjectRef => `notification:${id}`;

const LEDGER_SUBJECT = /^(?:device|prescription|enrolment|claim|patient):/;

/**
 * Telling a physician a fact that engages them (observance below 50 %, a
 * device suspended or revoked, rights closed) is part of their liability
 * record: its creation and its first reading are audited on
 * `notification:<id>`, naming the prescription, the enrolment, the device
 * and the patient's pseudonym, so the prescription's dossier shows that,
 * and when, the prescriber was told. Every other notification repeats a fact
 * its own service already audited, to someone it does not engage: no entry.
 */
export function notificationAuditDraft(events: NotificationEvent[], state: NotificationState, actor: Actor): AuditDraft | null {
  if (state.status === 'NONE' || !state.notification.engaging || events.length === 0) return null;
  const { notification } = state;
  const common = {
    actor,
    subject: notificationSubject(notification.notificationId),
    relatedSubjects: [notification.subject, ...notification.relatedSubjects].filter((subject): subject is SubjectRef => LEDGER_SUBJECT.test(subject)),
  };
  const event = events[0];
  if (event.type === 'NotificationCreated') {
    return {
      ...common,
      action: 'notification.created',
      decision: 'CREATED',
      evidence: { type: notification.type, recipient: notification.recipient, message: notification.message, fact: notification.fact },
    };
  }
  return {
    ...common,
    action: 'notification.read',
    decision: 'READ',
    evidence: { type: notification.type, recipient: notification.recipient, readAt: event.data.readAt },
  };
}
