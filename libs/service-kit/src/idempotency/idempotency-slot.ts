import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The `Idempotency-Key` of the request being handled, for the command
 * transaction that will keep its answer. `recorded` once a transaction has
 * written the answer: the interceptor then writes nothing more, and a second
 * transaction of the same request does not claim the key again.
 */
export interface IdempotencySlot {
  scope: string;
  key: string;
  requestHash: string;
  /** The status the route answers on success (its @HttpCode, else 201 for POST, 200 otherwise). */
  successStatus: number;
  recorded: boolean;
}

const storage = new AsyncLocalStorage<IdempotencySlot>();

export const currentIdempotencySlot = (): IdempotencySlot | undefined => storage.getStore();

export const runWithIdempotencySlot = <T>(slot: IdempotencySlot, fn: () => T): T => storage.run(slot, fn);
