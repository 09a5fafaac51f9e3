import { randomBytes } from 'node:crypto';
import { ensureTopics } from '@app/messaging';
import { testKafka } from './kafka-test-client';

/**
 * Commits, for consumer groups that do not exist yet, the current end of
 * each topic: an app started next reads only what is published from now on.
 * For a service whose consumer cannot handle the messages other tests left on
 * a shared topic (a prescription sealed under another test's patient keys is
 * a poison message to it, retried then dead-lettered one by one), where
 * reading from the beginning would make the test wait for all of them.
 */
export async function startConsumerGroupsAtEnd(groups: ReadonlyArray<{ groupId: string; topic: string }>): Promise<void> {
  const kafka = testKafka();
  await ensureTopics(kafka, [...new Set(groups.map((group) => group.topic))]);
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (const { groupId, topic } of groups) {
      const ends = await admin.fetchTopicOffsets(topic);
      await admin.setOffsets({ groupId, topic, partitions: ends.map(({ partition, high }) => ({ partition, offset: high })) });
    }
  } finally {
    await admin.disconnect();
  }
}

/** A collector group (collectMessages' `groupId`) placed at the topic's end: it reads only what is published from now on. */
export async function collectorGroupAtEnd(topic: string): Promise<string> {
  const groupId = `test-collector-${randomBytes(6).toString('hex')}`;
  await startConsumerGroupsAtEnd([{ groupId, topic }]);
  return groupId;
}
