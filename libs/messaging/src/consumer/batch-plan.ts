import type { EventEnvelope } from '@app/contracts';
import type { KafkaMessage } from 'kafkajs';
import { parseEnvelope } from './envelope-parser';

export interface ReadableMessage {
  message: KafkaMessage;
  envelope: EventEnvelope;
}

/** A step of a fetched batch: a run of readable messages handled together, or one message no handler can read. */
export type BatchStep =
  | { kind: 'run'; messages: ReadableMessage[] }
  | { kind: 'unreadable'; message: KafkaMessage; error: unknown };

/**
 * Cuts a partition's batch, in offset order, into runs of at most `maxRun`
 * readable messages, each unreadable message a step of its own between them:
 * handling the steps in order keeps the partition's order.
 */
export function planBatch(messages: KafkaMessage[], maxRun: number): BatchStep[] {
  const steps: BatchStep[] = [];
  let run: ReadableMessage[] = [];
  const closeRun = (): void => {
    if (run.length > 0) steps.push({ kind: 'run', messages: run });
    run = [];
  };
  for (const message of messages) {
    let envelope: EventEnvelope;
    try {
      envelope = parseEnvelope(message.value);
    } catch (error) {
      closeRun();
      steps.push({ kind: 'unreadable', message, error });
      continue;
    }
    run.push({ message, envelope });
    if (run.length >= maxRun) closeRun();
  }
  closeRun();
  return steps;
}

/** The offset to commit once `message` is settled: the next one to read. */
export const nextOffset = (message: KafkaMessage): string => (BigInt(message.offset) + 1n).toString();
