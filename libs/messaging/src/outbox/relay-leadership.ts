import type { Pool, PoolClient } from 'pg';

/**
 * The one connection through which a relay publishes: it holds a session
 * advisory lock, so only one replica of a service relays its outbox at a time,
 * and the relay reads and deletes outbox rows through it, so losing the
 * connection (and with it the lock) makes the next query fail instead of
 * letting two replicas publish side by side.
 */
export class RelayLeadership {
  private client: PoolClient | null = null;
  private onError: (() => void) | null = null;

  constructor(
    /** Read when needed: the DataSource may not be initialised when the relay is built. */
    private readonly pool: () => Pool,
    /** Defaults to one lock per schema: the outbox it guards lives there. */
    private readonly lockName: string | null = null,
  ) {}

  get held(): boolean {
    return this.client !== null;
  }

  async tryAcquire(): Promise<boolean> {
    const client = await this.pool().connect();
    // A checked-out pg client with no 'error' listener would crash the process.
    const onError = (): void => this.drop(client);
    client.on('error', onError);
    try {
      const { rows } = await client.query<{ locked: boolean }>(
        `SELECT pg_try_advisory_lock(hashtextextended(coalesce($1, 'outbox-relay:' || current_schema()), 0)) AS locked`,
        [this.lockName],
      );
      if (rows[0]?.locked) {
        this.client = client;
        this.onError = onError;
        return true;
      }
      client.removeListener('error', onError);
      client.release();
      return false;
    } catch (error) {
      client.removeListener('error', onError);
      client.release(true);
      throw error;
    }
  }

  async query<T extends object>(sql: string, params: unknown[]): Promise<T[]> {
    const client = this.client;
    if (!client) throw new Error('The outbox relay does not hold its lock');
    try {
      return (await client.query<T>(sql, params)).rows;
    } catch (error) {
      this.drop(client);
      throw error;
    }
  }

  /** Gives the lock back and returns the connection to the pool. */
  async release(): Promise<void> {
    const client = this.client;
    const onError = this.onError;
    if (!client) return;
    this.client = null;
    try {
      await client.query('SELECT pg_advisory_unlock_all()');
      if (onError) client.removeListener('error', onError);
      client.release();
    } catch {
      client.release(true);
    }
  }

  /** Closing the session is what frees the lock when the connection is in doubt. */
  private drop(client: PoolClient): void {
    if (this.client !== client) return;
    this.client = null;
    client.release(true);
  }
}
