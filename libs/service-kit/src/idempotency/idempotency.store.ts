import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export type BeginOutcome =
  | { kind: 'started' }
  | { kind: 'replay'; statusCode: number; response: unknown }
  | { kind: 'key_reused' }
  | { kind: 'in_progress' };

/** A request left "in progress" this long (its process died) may be run again. */
const ABANDONED_AFTER = '2 minutes';
/** API.md promises at least 24 h; rows are deleted after twice that. */
const KEPT_FOR = '48 hours';

/** The `idempotency_keys` table, in the service's schema. */
@Injectable()
export class IdempotencyStore {
  constructor(private readonly dataSource: DataSource) {}

  async begin(scope: string, key: string, hash: string): Promise<BeginOutcome> {
    for (let attempt = 0; attempt < 3; attempt++) {
      if (await this.claim(scope, key, hash)) return { kind: 'started' };
      const [row] = await this.dataSource.query(
        `SELECT request_hash, status_code, response FROM idempotency_keys WHERE scope = $1 AND key = $2`,
        [scope, key],
      );
      // Released by a failed first attempt between our two statements: try to claim it again.
      if (!row) continue;
      if (row.request_hash !== hash) return { kind: 'key_reused' };
      if (row.status_code === null) return { kind: 'in_progress' };
      return { kind: 'replay', statusCode: row.status_code, response: row.response };
    }
    return { kind: 'in_progress' };
  }

  async complete(scope: string, key: string, statusCode: number, response: unknown): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_keys SET status_code = $3, response = $4::jsonb WHERE scope = $1 AND key = $2`,
      [scope, key, statusCode, JSON.stringify(response ?? null)],
    );
  }

  /** Forgets an attempt that failed on our side, so the client may retry with the same key. */
  async release(scope: string, key: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND status_code IS NULL`,
      [scope, key],
    );
  }

  async deleteExpired(): Promise<number> {
    const [{ deleted }] = await this.dataSource.query(
      `WITH gone AS (DELETE FROM idempotency_keys WHERE created_at < now() - interval '${KEPT_FOR}' RETURNING 1)
       SELECT count(*)::int AS deleted FROM gone`,
    );
    return deleted;
  }

  /** Inserts the in-progress row, or takes over an abandoned one for the same request. */
  private async claim(scope: string, key: string, hash: string): Promise<boolean> {
    const [{ claimed }] = await this.dataSource.query(
      `WITH inserted AS (
         INSERT INTO idempotency_keys (scope, key, request_hash) VALUES ($1, $2, $3)
         ON CONFLICT (scope, key) DO NOTHING RETURNING 1
       ), taken_over AS (
         UPDATE idempotency_keys SET created_at = now()
         WHERE scope = $1 AND key = $2 AND request_hash = $3 AND status_code IS NULL
           AND created_at < now() - interval '${ABANDONED_AFTER}'
         RETURNING 1
       )
       SELECT (SELECT count(*) FROM inserted) + (SELECT count(*) FROM taken_over) > 0 AS claimed`,
      [scope, key, hash],
    );
    return claimed;
  }
}
