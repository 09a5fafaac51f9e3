import type { DataSource } from 'typeorm';
import type { ReadableMessage } from './batch-plan';
import type { EventHandler, MessageOutcome } from './idempotent-consumer.options';
import { CLAIM_IN_INBOX, STILL_WRITABLE } from './inbox.sql';

/** The handler of the run's message at `index` threw: the whole run was rolled back. */
export class FailedMessage extends Error {
  override readonly name = 'FailedMessage';

  constructor(
    readonly index: number,
    override readonly cause: unknown,
  ) {
    super(`message ${index} of the run failed`);
  }
}

export interface RunContext {
  dataSource: DataSource;
  consumer: string;
  handlers: ReadonlyMap<string, EventHandler>;
  topic: string;
  partition: number;
}

/**
 * Handles a run of messages in ONE transaction: their inbox rows in one
 * statement, then each handler in offset order through the same manager, one
 * commit. Each message has its effect once because its inbox row commits with
 * its effects; a message met before (or twice in the run) is a duplicate.
 * Returns each message's outcome, or throws FailedMessage (a handler threw)
 * or the database's error; either way nothing of the run is kept.
 */
export function handleRunTogether(context: RunContext, run: ReadableMessage[]): Promise<MessageOutcome[]> {
  const { dataSource, consumer, handlers, topic, partition } = context;
  return dataSource.transaction(async (manager) => {
    const claimed: Array<{ message_id: string }> = await manager.query(CLAIM_IN_INBOX, [consumer, run.map((m) => m.envelope.id)]);
    const firstSeen = new Set(claimed.map((row) => row.message_id));
    const outcomes: MessageOutcome[] = [];
    for (const [index, { envelope, message }] of run.entries()) {
      // delete(): a second copy of the same id later in the run is a duplicate.
      if (!firstSeen.delete(envelope.id)) {
        outcomes.push('duplicate');
        continue;
      }
      const handler = handlers.get(envelope.type);
      if (!handler) {
        outcomes.push('ignored');
        continue;
      }
      try {
        await handler(envelope, { manager, topic, partition, offset: message.offset, attempt: 1 });
      } catch (error) {
        throw new FailedMessage(index, error);
      }
      outcomes.push('processed');
    }
    await manager.query(STILL_WRITABLE);
    return outcomes;
  });
}
