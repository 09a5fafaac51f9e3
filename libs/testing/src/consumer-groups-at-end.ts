import { randomBytes } from 'node:crypto';
import { ensureTopics } from '@app/messaging';
import type { Kafka } from 'kafkajs';
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
    await Promise.all(
      groups.map(async ({ groupId, topic }) => {
        const ends = await admin.fetchTopicOffsets(topic);
        await commitOffsets(kafka, groupId, topic, ends.map(({ partition, high }) => ({ partition, offset: high })));
      }),
    );
  } finally {
    await admin.disconnect();
  }
}

/**
 * What kafkajs's `admin.setOffsets` does (a paused member of the group seeks,
 * its seeks committed, and it leaves at its first fetch), with a fetch that
 * waits 50 ms instead of the admin's fixed 5 s: a test file placing six
 * groups started half a minute later for nothing else.
 */
async function commitOffsets(kafka: Kafka, groupId: string, topic: string, partitions: Array<{ partition: number; offset: string }>): Promise<void> {
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 50 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      consumer.on(consumer.events.FETCH, () => resolve());
      consumer.on(consumer.events.CRASH, ({ payload }) => reject(payload.error));
      consumer.run({ eachBatchAutoResolve: false, eachBatch: async () => undefined }).catch(reject);
      consumer.pause([{ topic }]);
      for (const { partition, offset } of partitions) consumer.seek({ topic, partition, offset });
    });
  } finally {
    await consumer.disconnect();
  }
}

/** A collector group (collectMessages' `groupId`) placed at the topic's end: it reads only what is published from now on. */
export async function collectorGroupAtEnd(topic: string): Promise<string> {
  const groupId = `test-collector-${randomBytes(6).toString('hex')}`;
  await startConsumerGroupsAtEnd([{ groupId, topic }]);
  return groupId;
}
