import { randomBytes } from 'node:crypto';
import { startConsumerGroupsAtEnd } from './consumer-groups-at-end';
import { createTopics, produceMessages, testKafka, uniqueTopic } from './kafka-test-client';

jest.setTimeout(60_000);

/** Groups placed at the end of topics that hold messages: their committed offsets are the ends, on every partition. */
describe('startConsumerGroupsAtEnd (real Kafka)', () => {
  it('commits the end of each partition for each new group', async () => {
    const topics = [uniqueTopic('groups-at-end'), uniqueTopic('groups-at-end')];
    await createTopics(topics, 3);
    for (const topic of topics) {
      await produceMessages(topic, Array.from({ length: 9 }, (_, index) => ({ key: `k${index}`, value: `m${index}` })));
    }
    const groups = topics.flatMap((topic) => [1, 2].map(() => ({ groupId: `groups-at-end-${randomBytes(4).toString('hex')}`, topic })));
    await startConsumerGroupsAtEnd(groups);

    const admin = testKafka().admin();
    await admin.connect();
    try {
      for (const { groupId, topic } of groups) {
        const ends = await admin.fetchTopicOffsets(topic);
        const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
        const byPartition = (rows: Array<{ partition: number; offset: string }>) =>
          rows.map(({ partition, offset }) => ({ partition, offset })).sort((a, b) => a.partition - b.partition);
        expect(byPartition(committed.partitions)).toEqual(byPartition(ends.map(({ partition, high }) => ({ partition, offset: high }))));
        expect(ends.reduce((sum, { high }) => sum + Number(high), 0)).toBe(9);
      }
    } finally {
      await admin.disconnect();
    }
  });
});
