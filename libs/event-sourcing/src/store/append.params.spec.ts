import { appendParams } from './append.params';

const metadata = { actor: { id: 'u1', role: 'vendor' as const }, correlationId: 'c1', causationId: null };
const event = (id: string, type: string, schemaVersion?: number) => ({
  id,
  type,
  data: { n: id },
  schemaVersion,
  occurredAt: '2025-01-01T00:00:00.000Z',
  metadata,
});

describe('appendParams', () => {
  const params = appendParams(
    {
      streamId: 'device:1',
      streamType: 'device',
      expectedVersion: 4,
      events: [event('a', 'DeviceSubmitted'), event('b', 'DeviceReviewed', 7)],
      outbox: [{ topic: 't', key: 'device:1', payload: { x: 1 } }],
    },
    (type) => (type === 'DeviceSubmitted' ? 3 : 1),
  );

  it('numbers events from the expected version and sets the next position', () => {
    expect(params.slice(0, 4)).toEqual(['device:1', 'device', 4, 6]);
    expect(JSON.parse(params[4] as string).map((row: { version: number }) => row.version)).toEqual([5, 6]);
  });

  it('writes the registry version unless the event states one', () => {
    expect(JSON.parse(params[4] as string).map((row: { schema_version: number }) => row.schema_version)).toEqual([3, 7]);
  });

  it('sends no audit entry when there is none, and outbox headers default to empty', () => {
    expect(params[5]).toBeNull();
    expect(params[6]).toBeNull();
    expect(JSON.parse(params[7] as string)).toEqual([{ topic: 't', message_key: 'device:1', payload: { x: 1 }, headers: {} }]);
  });

  it('sends the audit entry\'s disclosure rows, and none without an audit entry', () => {
    expect(JSON.parse(params[8] as string)).toEqual([]);
    const row = { path: '/evidence/reason', ciphertext: 'st1.x', aad: 'device:1#reason', pseudonym: null, readers: ['physician:*'] };
    const base = { streamId: 'device:1', streamType: 'device', expectedVersion: 0, events: [], outbox: [], disclosures: [row] };
    const audited = appendParams({ ...base, auditEntry: { entry: { id: 'a' } as never, hash: 'h' } }, () => 1);
    expect(JSON.parse(audited[8] as string)).toEqual([row]);
    expect(JSON.parse(appendParams(base, () => 1)[8] as string)).toEqual([]);
  });
});
