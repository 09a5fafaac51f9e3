import { foldEvents } from '@app/event-sourcing/decider/decider';
import { deciderSpecification } from '@app/testing/decider-specification';
import { notificationAuditDraft } from './notification.audit';
import { notificationDecider } from './notification.decider';
import { create, created, NOW, PRESCRIPTION, PSEUDONYM, read, READER, wasRead } from './notification.fixtures';

const given = deciderSpecification(notificationDecider);
const SYSTEM = { id: 'system:notifications', role: 'system' } as const;

describe('notification decider', () => {
  it('creates a notification once: the same fact again decides nothing', () => {
    given([]).when(create()).then([created()]);
    given([created()]).when(create({ message: 'again' })).then([]);
  });

  it('records the first reading only', () => {
    given([created()]).when(read()).then([wasRead()]);
    given([created(), wasRead()]).when(read(new Date('2026-12-03T00:00:00.000Z'))).then([]);
  });

  it('refuses to read a notification that does not exist: 404', () =>
    given([]).when(read()).thenThrows('NOTIFICATION.NOT_FOUND', 'not_found'));

  it('folds to read, with when and by whom', () => {
    expect(foldEvents(notificationDecider, [created(), wasRead()])).toMatchObject({ status: 'READ', readAt: NOW.toISOString(), readBy: READER });
  });
});

describe('the audit entries of a notification', () => {
  const state = (events: Parameters<typeof foldEvents>[1]) => foldEvents(notificationDecider, events as never);

  it('audits telling a physician an engaging fact, naming the prescription, the device and the patient, never the recipient by name', () => {
    const draft = notificationAuditDraft([created()], state([created()]), SYSTEM);
    expect(draft).toEqual({
      actor: SYSTEM,
      action: 'notification.created',
      subject: 'notification:019ad000-0000-7000-8000-000000000001',
      relatedSubjects: ['device:019ad000-0000-7000-8000-0000000000d1', PRESCRIPTION, 'enrolment:019ad000-0000-7000-8000-0000000000e1', `patient:${PSEUDONYM}`],
      decision: 'CREATED',
      evidence: expect.objectContaining({ type: 'DEVICE_SUSPENDED', recipient: 'physician:10003456789', fact: expect.objectContaining({ type: 'DeviceSuspended' }) }),
    });
  });

  it('audits its first reading under the reader', () => {
    const physician = { id: 'physician-user', role: 'physician' } as const;
    expect(notificationAuditDraft([wasRead()], state([created(), wasRead()]), physician)).toMatchObject({
      actor: physician,
      action: 'notification.read',
      decision: 'READ',
      relatedSubjects: expect.arrayContaining([PRESCRIPTION]),
      evidence: { readAt: NOW.toISOString() },
    });
  });

  it('writes no entry for a fact that engages no one, nor for a step that decided nothing', () => {
    const informing = created({ engaging: false, recipient: 'org:TLSM-A', type: 'INCIDENT_OPENED' });
    expect(notificationAuditDraft([informing], state([informing]), SYSTEM)).toBeNull();
    expect(notificationAuditDraft([], state([created()]), SYSTEM)).toBeNull();
  });
});
