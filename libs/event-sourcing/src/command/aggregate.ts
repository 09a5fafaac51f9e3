import type { AuditDraft } from '../decider/audit-draft';
import type { Decider, DomainEvent } from '../decider/decider';
import type { CommandContext } from './command-context';
import type { Transaction } from './transaction';

/** One command addressed to one stream. */
export interface CommandRequest<Command> {
  streamId: string;
  command: Command;
  context: CommandContext;
}

/** What a decided command did: what the audit entry and the read model are written from. */
export interface CommandStep<State, Event> {
  streamId: string;
  previousState: State;
  state: State;
  /** Empty when the decider decided nothing. */
  events: Event[];
  /** The stream's version after the step. */
  version: number;
  context: CommandContext;
}

/**
 * Everything particular to an event-sourced aggregate that the command path
 * needs; the path itself (transaction, decide, append, commit, wake-up,
 * retries) is the CommandPipeline's. Each service declares one per aggregate.
 */
export interface Aggregate<State, Command, Event extends DomainEvent, View> {
  streamType: string;
  /** Where its events are published and under which schema version each (its contract in libs/contracts). */
  contract: { topic: string; schemaVersions: { readonly [T in Event['type']]: number } };
  decider: Decider<State, Command, Event>;
  /**
   * Refuses a caller before anything is loaded or decided: a resource the
   * caller may not see is a 404 they cannot tell from a missing one.
   */
  admit?(tx: Transaction, request: CommandRequest<Command>): Promise<void>;
  /** The step's audit entry; null when the step is not worth one. */
  audit(step: CommandStep<State, Event>): AuditDraft | null;
  /** Writes the read model in the command's transaction and returns what the caller is answered. */
  project(tx: Transaction, step: CommandStep<State, Event>): Promise<View>;
}
