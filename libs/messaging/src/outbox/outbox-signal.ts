/**
 * In-process wake-up for the outbox relay. A command handler calls `notify()`
 * after its transaction commits (never inside it: a NOTIFY in the transaction
 * serialises commits); the relay also polls, so a replica whose writes come
 * from another process still publishes within its polling interval.
 */
export class OutboxSignal {
  private readonly listeners = new Set<() => void>();

  notify(): void {
    for (const listener of this.listeners) listener();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
