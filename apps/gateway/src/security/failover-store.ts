import type { IncrementResponse, MemoryStore, Options, Store } from 'express-rate-limit';

/** Told when the shared count fails (each time) and when it answers again after failing. */
export interface FailoverListener {
  sharedFailed(error: unknown): void;
  sharedRecovered(): void;
}

/**
 * The count shared by every replica (Redis), and, while Redis does not
 * answer, this replica's own count. The deliberate choice: an unreachable
 * Redis neither takes the API down (no 500, no refusal of everyone) nor
 * lifts the limit: each replica keeps counting on its own (so a caller gets
 * at most the limit times the replicas) until Redis answers again.
 */
export class FailoverStore implements Store {
  /** Counts are shared across replicas while Redis answers. */
  readonly localKeys = false;
  private failing = false;

  constructor(
    private readonly shared: Store,
    private readonly local: MemoryStore,
    private readonly listener: FailoverListener,
  ) {}

  init(options: Options): void {
    // The shared store's init cannot fail (see redisScriptCommands); the local one starts its cleanup timer (unref'd).
    void this.shared.init?.(options);
    this.local.init(options);
  }

  async increment(key: string): Promise<IncrementResponse> {
    try {
      const counted = await this.shared.increment(key);
      if (this.failing) {
        this.failing = false;
        this.listener.sharedRecovered();
      }
      return counted;
    } catch (error) {
      this.failing = true;
      this.listener.sharedFailed(error);
      return this.local.increment(key);
    }
  }

  async decrement(key: string): Promise<void> {
    await this.fallback(() => this.shared.decrement(key), () => this.local.decrement(key));
  }

  async resetKey(key: string): Promise<void> {
    await this.fallback(() => this.shared.resetKey(key), () => this.local.resetKey(key));
  }

  shutdown(): void {
    this.local.shutdown();
  }

  private async fallback(shared: () => unknown, local: () => unknown): Promise<void> {
    try {
      await shared();
    } catch (error) {
      this.listener.sharedFailed(error);
      await local();
    }
  }
}
