import type { DataSource } from 'typeorm';
import type { ReadableMessage } from './batch-plan';
import type { MessageOutcome, RegisteredHandler } from './idempotent-consumer.options';
import { CLAIM_IN_INBOX, STILL_WRITABLE } from './inbox.sql';

/**
 * The handler of the run's messages at `index` (and the `count - 1` after it,
 * handled in one call) threw: the whole run was rolled back.
 */
export class FailedMessage extends Error {
  override readonly name = 'FailedMessage';

  constructor(
    readonly index: number,
    override readonly cause: unknown,
    readonly count = 1,
  ) {
    super(`message ${index} of the run failed`);
  }
}

export interface RunContext {
  dataSource: DataSource;
  consumer: string;
  handlers: ReadonlyMap<string, RegisteredHandler>;
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
    // delete(): a second copy of the same id later in the run is a duplicate.
    const fresh = run.map(({ envelope }) => firstSeen.delete(envelope.id));
    const outcomes: MessageOutcome[] = [];
    for (let index = 0; index < run.length; ) {
      const { envelope } = run[index];
      const handler = handlers.get(envelope.type);
      if (!fresh[index] || !handler) {
        outcomes.push(fresh[index] ? 'ignored' : 'duplicate');
        index += 1;
        continue;
      }
      const count = handler.many ? sameTypeAhead(run, fresh, index) : 1;
      const handled = run.slice(index, index + count).map(({ message }) => ({ offset: message.offset, value: message.value }));
      const at = { manager, topic, partition, offset: run[index + count - 1].message.offset, attempt: 1, messages: handled };
      try {
        if (handler.many) await handler.handle(run.slice(index, index + count).map((m) => m.envelope), at);
        else await handler.handle(envelope, at);
      } catch (error) {
        throw new FailedMessage(index, error, count);
      }
      for (let done = 0; done < count; done += 1) outcomes.push('processed');
      index += count;
    }
    await manager.query(STILL_WRITABLE);
    return outcomes;
  });
}

/** How many fresh messages of `run[from]`'s type follow one another from `from`: one call of a many-events handler. */
function sameTypeAhead(run: ReadableMessage[], fresh: boolean[], from: number): number {
  let end = from + 1;
  while (end < run.length && fresh[end] && run[end].envelope.type === run[from].envelope.type) end += 1;
  return end - from;
}
