import { envelopeHeaders, settledPrefix, toTopicMessages, type OutboxRow } from './outbox-batch';

const row = (position: number, topic: string, key: string, settled = true, payload: unknown = { n: position }): OutboxRow => ({
  position: String(position),
  topic,
  message_key: key,
  payload,
  headers: null,
  settled,
});

describe('settledPrefix', () => {
  it('keeps every row when all transactions are settled', () => {
    const rows = [row(1, 't', 'a'), row(2, 't', 'b')];
    expect(settledPrefix(rows)).toEqual(rows);
  });

  it('stops at the first unsettled row, even if later rows are settled', () => {
    const rows = [row(1, 't', 'a'), row(2, 't', 'a', false), row(3, 't', 'a')];
    expect(settledPrefix(rows).map((r) => r.position)).toEqual(['1']);
  });

  it('returns nothing when the head row is unsettled', () => {
    expect(settledPrefix([row(7, 't', 'a', false), row(8, 't', 'a')])).toEqual([]);
  });
});

describe('envelopeHeaders', () => {
  it('takes event id, type and correlation id from an envelope', () => {
    expect(envelopeHeaders({ id: 'e1', type: 'DeviceCertified', correlationId: 'c1', data: { x: 1 } })).toEqual({
      'event-id': 'e1',
      'event-type': 'DeviceCertified',
      'correlation-id': 'c1',
    });
  });

  it('gives no headers for a payload that is not an envelope', () => {
    expect(envelopeHeaders('plain')).toEqual({});
    expect(envelopeHeaders({ id: 42 })).toEqual({});
  });
});

describe('toTopicMessages', () => {
  it('groups by topic in position order, with key, JSON value and merged headers', () => {
    const rows = [
      row(1, 'a', 's1', true, { id: 'e1', type: 'T' }),
      row(2, 'b', 's2'),
      { ...row(3, 'a', 's1', true, { id: 'e3', type: 'T' }), headers: { 'x-extra': 'y' } },
    ];
    const grouped = toTopicMessages(rows);
    expect(grouped.map((g) => g.topic)).toEqual(['a', 'b']);
    expect(grouped[0].messages).toEqual([
      { key: 's1', value: '{"id":"e1","type":"T"}', headers: { 'event-id': 'e1', 'event-type': 'T' } },
      { key: 's1', value: '{"id":"e3","type":"T"}', headers: { 'event-id': 'e3', 'event-type': 'T', 'x-extra': 'y' } },
    ]);
    expect(grouped[1].messages).toEqual([{ key: 's2', value: '{"n":2}', headers: {} }]);
  });
});
