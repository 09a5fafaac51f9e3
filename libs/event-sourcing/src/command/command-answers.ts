import type { Transaction } from './transaction';

/** How a command ended, as its caller is answered. */
export type CommandOutcome = { value: unknown } | { error: unknown };

/**
 * Where the answer to a request is kept with the command it caused, in the
 * same transaction (the service kit's `Idempotency-Key` store implements it).
 * `claim` runs first and throws when another attempt of the same request
 * already committed its answer; `record` runs last, before the commit. Both do
 * nothing outside a request that asked for it.
 */
export interface CommandAnswers {
  claim(tx: Transaction): Promise<void>;
  record(tx: Transaction, outcome: CommandOutcome): Promise<void>;
}

export const COMMAND_ANSWERS = Symbol('COMMAND_ANSWERS');
