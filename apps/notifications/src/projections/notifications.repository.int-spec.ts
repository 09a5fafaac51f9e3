import { createTestDatabase, type TestDatabase } from '@app/testing';
import { v7 as uuidv7 } from 'uuid';
import { inboxesOf } from '../domain/recipient';
import { migrations } from '../migrations';
import type { NewNotification } from './notification-view';
import { NotificationsRepository } from './notifications.repository';

/** The inboxes on the real Postgres: once per fact, newest first, the unread ones, and nobody else's. */
describe('NotificationsRepository (Postgres)', () => {
  let db: TestDatabase;
  let notifications: NotificationsRepository;
  const physician = inboxesOf({ rpps: '10003456789' });
  const otherPhysician = inboxesOf({ rpps: '10009876543' });
  const operator = inboxesOf({ org: 'TLSM-OPERATOR-A' });

  const notification = (recipient: string, minute: number, overrides: Partial<NewNotification> = {}): NewNotification => ({
    id: uuidv7(),
    recipient,
    type: 'DEVICE_SUSPENDED',
    subject: 'device:0193a000-0000-7000-8000-0000000000d1',
    relatedSubjects: ['prescription:0193a000-0000-7000-8000-0000000000a1', 'patient:ps-1'],
    message: 'The device of patient ps-1 was suspended.',
    engaging: true,
    sourceEventId: uuidv7(),
    createdAt: new Date(Date.UTC(2026, 10, 30, 8, minute)),
    ...overrides,
  });
  const record = (n: NewNotification) => db.dataSource.transaction((tx) => notifications.recordOnce(tx, n));

  beforeAll(async () => {
    db = await createTestDatabase(migrations);
    notifications = new NotificationsRepository(db.dataSource);
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('stores a notification once, however often its fact comes', async () => {
    const first = notification(physician[0], 1);
    expect(await record(first)).toBe(true);
    expect(await record(first)).toBe(false);
    expect(await record({ ...first, message: 'again' })).toBe(false);
    const { rows, total } = await notifications.inbox(physician, {}, { page: 1, pageSize: 50 });
    expect(total).toBe(1);
    expect(rows).toEqual([
      {
        id: first.id,
        type: 'DEVICE_SUSPENDED',
        status: 'UNREAD',
        version: 1,
        createdAt: '2026-11-30T08:01:00.000Z',
        subject: first.subject,
        relatedSubjects: first.relatedSubjects,
        message: first.message,
      },
    ]);
  });

  it('lists an inbox newest first, pages it, and leaves the others out', async () => {
    for (const minute of [5, 3, 4]) await record(notification(physician[0], minute));
    await record(notification(otherPhysician[0], 6));
    await record(notification(operator[0], 7, { type: 'INCIDENT_OPENED', engaging: false }));
    const first = await notifications.inbox(physician, {}, { page: 1, pageSize: 3 });
    expect(first.total).toBe(4);
    expect(first.rows.map((row) => row.createdAt)).toEqual(['2026-11-30T08:05:00.000Z', '2026-11-30T08:04:00.000Z', '2026-11-30T08:03:00.000Z']);
    const second = await notifications.inbox(physician, {}, { page: 2, pageSize: 3 });
    expect(second.rows.map((row) => row.createdAt)).toEqual(['2026-11-30T08:01:00.000Z']);
    expect((await notifications.inbox(operator, {}, { page: 1, pageSize: 50 })).rows.map((row) => row.type)).toEqual(['INCIDENT_OPENED']);
  });

  it('marks a notification read once, with the unread filter following it', async () => {
    const read = notification(physician[0], 9);
    await record(read);
    const now = new Date('2026-11-30T09:00:00.000Z');
    const first = await db.dataSource.transaction((tx) => notifications.markRead(tx, read.id, physician, 'physician-user', now));
    expect(first).toEqual({ view: expect.objectContaining({ id: read.id, status: 'READ', version: 2, readAt: now.toISOString() }), firstRead: true });
    const again = await db.dataSource.transaction((tx) => notifications.markRead(tx, read.id, physician, 'physician-user', new Date()));
    expect(again).toEqual({ view: expect.objectContaining({ readAt: now.toISOString() }), firstRead: false });
    const unread = await notifications.inbox(physician, { unread: true }, { page: 1, pageSize: 50 });
    expect(unread.rows.map((row) => row.id)).not.toContain(read.id);
    expect(unread.total).toBe(4);
  });

  it('is read for the first time by one of two readers at once', async () => {
    const shared = notification(operator[0], 10, { type: 'INCIDENT_OPENED', engaging: false });
    await record(shared);
    const reads = await Promise.all(
      ['operator-1', 'operator-2'].map((reader) => db.dataSource.transaction((tx) => notifications.markRead(tx, shared.id, operator, reader, new Date()))),
    );
    expect(reads.map((read) => read?.firstRead).sort()).toEqual([false, true]);
  });

  it('finds nothing of another inbox: not to read, not to mark', async () => {
    const theirs = notification(otherPhysician[0], 11);
    await record(theirs);
    expect(await notifications.get(theirs.id, physician)).toBeNull();
    expect(await db.dataSource.transaction((tx) => notifications.markRead(tx, theirs.id, physician, 'physician-user', new Date()))).toBeNull();
    expect(await notifications.get(theirs.id, otherPhysician)).toMatchObject({ id: theirs.id, status: 'UNREAD' });
    expect((await notifications.inbox([], {}, { page: 1, pageSize: 50 })).total).toBe(0);
  });
});
