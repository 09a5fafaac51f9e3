import { collectMessages, createTopics, produceMessages, uniqueTopic } from './kafka-test-client';

describe('kafka test client (real broker)', () => {
  it('collects a produced message with its key, parsed JSON value, headers and position', async () => {
    const topic = uniqueTopic('testing.collect');
    await createTopics([topic]);
    await produceMessages(topic, [
      { key: 'stream-1', value: JSON.stringify({ type: 'Probed', n: 1 }), headers: { 'correlation-id': 'c-1' } },
    ]);

    const messages = await collectMessages(topic, { until: (m) => m.length >= 1, timeoutMs: 30_000 });

    expect(messages).toEqual([
      { key: 'stream-1', value: { type: 'Probed', n: 1 }, headers: { 'correlation-id': 'c-1' }, partition: 0, offset: '0' },
    ]);
  });

  it('reads every partition from the beginning, keeping each key in order', async () => {
    const topic = uniqueTopic('testing.partitions');
    await createTopics([topic], 3);
    const sent = ['a', 'b', 'c'].flatMap((key) => [1, 2].map((n) => ({ key, value: JSON.stringify({ key, n }) })));
    await produceMessages(topic, sent);

    const messages = await collectMessages(topic, { until: (m) => m.length >= sent.length, timeoutMs: 30_000 });

    expect(messages).toHaveLength(6);
    for (const key of ['a', 'b', 'c']) {
      expect(messages.filter((m) => m.key === key).map((m) => m.value)).toEqual([{ key, n: 1 }, { key, n: 2 }]);
    }
  });

  it('fails on timeout with an account of what arrived', async () => {
    const topic = uniqueTopic('testing.timeout');
    await createTopics([topic]);
    await produceMessages(topic, [{ key: 'only', value: JSON.stringify({ lonely: true }) }]);

    await expect(collectMessages(topic, { until: (m) => m.length >= 2, timeoutMs: 8_000 })).rejects.toThrow(
      /timed out after 8000 ms; 1 message\(s\) arrived:\n {2}p0@0 key=only value=\{"lonely":true\}/,
    );
  });
});
