import { settledPrefix, toTopicMessages, withinBytes, type OutboxRow } from './outbox-batch';

const row = (position: number, topic: string, key: string, settled = true, value = `{"n":${position}}`): OutboxRow => ({
  position: String(position),
  topic,
  message_key: key,
  value,
  headers: {},
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

describe('withinBytes', () => {
  const rows = [row(1, 't', 'k', true, 'x'.repeat(99)), row(2, 't', 'k', true, 'y'.repeat(99)), row(3, 't', 'k', true, 'z'.repeat(99))];

  it('keeps the prefix whose keys and values fit', () => {
    expect(withinBytes(rows, 250).map((r) => r.position)).toEqual(['1', '2']);
    expect(withinBytes(rows, 300).map((r) => r.position)).toEqual(['1', '2', '3']);
  });

  it('always lets the head row go, however large', () => {
    expect(withinBytes(rows, 10).map((r) => r.position)).toEqual(['1']);
  });

  it('counts the headers too', () => {
    const headed = rows.map((r) => ({ ...r, headers: { 'correlation-id': 'c'.repeat(36) } }));
    expect(withinBytes(headed, 250).map((r) => r.position)).toEqual(['1']);
  });

  it('counts bytes, not characters', () => {
    expect(withinBytes([row(1, 't', 'k', true, 'é'.repeat(50)), row(2, 't', 'k', true, 'a')], 101)).toHaveLength(1);
  });
});

describe('toTopicMessages', () => {
  it('groups by topic in position order, with key, the JSON text as value and the headers', () => {
    const rows = [row(1, 'a', 's1', true, '{"id":"e1"}'), row(2, 'b', 's2'), { ...row(3, 'a', 's1', true, '{"id":"e3"}'), headers: { 'event-id': 'e3' } }];
    const grouped = toTopicMessages(rows);
    expect(grouped.map((g) => g.topic)).toEqual(['a', 'b']);
    expect(grouped[0].messages).toEqual([
      { key: 's1', value: '{"id":"e1"}', headers: {} },
      { key: 's1', value: '{"id":"e3"}', headers: { 'event-id': 'e3' } },
    ]);
    expect(grouped[1].messages).toEqual([{ key: 's2', value: '{"n":2}', headers: {} }]);
  });
});
