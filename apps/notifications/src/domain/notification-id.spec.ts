import { notificationId } from './notification-id';

describe('notificationId', () => {
  const at = new Date('2026-11-30T08:15:00.000Z');
  const physician = { kind: 'physician', rpps: '10003456789' } as const;

  it('is the same for the same event and recipient, whatever the delivery', () => {
    expect(notificationId('event-1', physician, at)).toBe(notificationId('event-1', physician, at));
  });

  it('differs per recipient and per event', () => {
    const ids = new Set([
      notificationId('event-1', physician, at),
      notificationId('event-1', { kind: 'physician', rpps: '10009876543' }, at),
      notificationId('event-1', { kind: 'org', org: '10003456789' }, at),
      notificationId('event-2', physician, at),
      notificationId('event-1', physician, at, 'prescription-2'),
    ]);
    expect(ids.size).toBe(5);
  });

  it('tells apart the prescriptions of one recipient a fact touches', () => {
    expect(notificationId('event-1', physician, at, 'p-1')).not.toBe(notificationId('event-1', physician, at, 'p-2'));
    expect(notificationId('event-1', physician, at, 'p-1')).toBe(notificationId('event-1', physician, at, 'p-1'));
  });

  it('is a UUID v7 stamped with the fact time, so ids sort newest last', () => {
    const id = notificationId('event-1', physician, at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at.getTime());
  });
});
