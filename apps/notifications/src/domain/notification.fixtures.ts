import type { NotificationCommand } from './notification.commands';
import type { NotificationCreated, NotificationEvent } from './notification.events';

export const NOTIFICATION_ID = '019ad000-0000-7000-8000-000000000001';
export const PRESCRIPTION = 'prescription:019ad000-0000-7000-8000-0000000000a1';
export const PSEUDONYM = 'a'.repeat(64);
export const NOW = new Date('2026-12-02T09:00:00.000Z');
export const READER = { role: 'physician', id: 'physician-user', rpps: '10003456789' };

export const notification = (overrides: Partial<NotificationCreated> = {}): NotificationCreated => ({
  notificationId: NOTIFICATION_ID,
  type: 'DEVICE_SUSPENDED',
  recipient: 'physician:10003456789',
  subject: 'device:019ad000-0000-7000-8000-0000000000d1',
  relatedSubjects: [PRESCRIPTION, 'enrolment:019ad000-0000-7000-8000-0000000000e1', `patient:${PSEUDONYM}`],
  message: `The certification of CardioWatch (CW-2) was suspended by its evaluation body; patient ${PSEUDONYM} is monitored with it.`,
  engaging: true,
  fact: { eventId: '019ad000-0000-7000-8000-0000000000f1', type: 'DeviceSuspended', streamId: '019ad000-0000-7000-8000-0000000000d1' },
  createdAt: '2026-12-02T08:00:00.000Z',
  ...overrides,
});

export const create = (overrides: Partial<NotificationCreated> = {}): NotificationCommand => ({ type: 'CreateNotification', notification: notification(overrides) });
export const read = (now = NOW): NotificationCommand => ({ type: 'ReadNotification', notificationId: NOTIFICATION_ID, now, reader: READER });

export const created = (overrides: Partial<NotificationCreated> = {}): NotificationEvent => ({ type: 'NotificationCreated', data: notification(overrides) });
export const wasRead = (at = NOW): NotificationEvent => ({ type: 'NotificationRead', data: { readAt: at.toISOString(), readBy: READER } });
