import { type KafkaConnection, kafkajsSasl } from '@app/messaging/kafka/kafka-sasl';
import { Kafka, logLevel } from 'kafkajs';

/** The topics a broker holds, internal ones (`__consumer_offsets`) included. */
export async function listBrokerTopics({ brokers, sasl }: KafkaConnection): Promise<string[]> {
  const admin = new Kafka({ clientId: 'platform-topics', brokers, sasl: kafkajsSasl(sasl), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    return (await admin.listTopics()).sort();
  } finally {
    await admin.disconnect();
  }
}
