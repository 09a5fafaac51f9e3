import { testKafkaBrokers, testKafkaSasl, uniqueTopic } from '@app/testing';
import { Kafka, logLevel } from 'kafkajs';
import { ensureTopics } from './topic-admin';

jest.setTimeout(120_000);

// Quiet: while it waits, ensureTopics meets (and kafkajs logs) the errors it waits out.
const kafka = new Kafka({ clientId: 'topic-admin-test', brokers: testKafkaBrokers(), sasl: testKafkaSasl(), logLevel: logLevel.NOTHING });

/** Each topic's partition count, asked once without retries: a partition whose leader does not serve it yet fails at once. */
async function servedPartitions(topics: string[]): Promise<number[]> {
  const admin = new Kafka({ clientId: 'topic-admin-check', brokers: testKafkaBrokers(), sasl: testKafkaSasl(), retry: { retries: 0 }, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    return await Promise.all(topics.map((topic) => admin.fetchTopicOffsets(topic).then((partitions) => partitions.length)));
  } finally {
    await admin.disconnect();
  }
}

describe('ensureTopics (real Kafka)', () => {
  it('creates the missing topics and returns once each partition is served', async () => {
    const topics = [uniqueTopic('topic-admin.created'), uniqueTopic('topic-admin.created')];
    expect(await ensureTopics(kafka, topics, 3)).toEqual(topics);
    expect(await servedPartitions(topics)).toEqual([3, 3]);
  });

  it('waits for the partitions of topics someone else created a moment ago, as a producer auto-creates them', async () => {
    const topics = Array.from({ length: 8 }, () => uniqueTopic('topic-admin.foreign'));
    const admin = kafka.admin();
    await admin.connect();
    try {
      // Another service's creation, not waiting for leaders (auto-creation by a producer's metadata request is the same).
      await admin.createTopics({ topics: topics.map((topic) => ({ topic, numPartitions: 3 })), waitForLeaders: false });
    } finally {
      await admin.disconnect();
    }
    expect(await ensureTopics(kafka, topics, 3)).toEqual([]);
    expect(await servedPartitions(topics)).toEqual(topics.map(() => 3));
  });
});
