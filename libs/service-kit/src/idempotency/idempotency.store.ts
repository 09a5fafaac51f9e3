import type { Transaction } from '@app/event-sourcing';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PLATFORM_CONFIG, SERVICE_NAME } from '../config/config.tokens';
import { requireDataKey } from '../config/data-keys';
import type { PlatformConfig } from '../config/platform-config.schema';
import { AnswerCipher } from './answer-cipher';

export type StoredAnswer =
  | { kind: 'answered'; requestHash: string; statusCode: number; response: unknown }
  /** A row with no answer yet: only a transaction still running holds one (rows of older versions are swept). */
  | { kind: 'unanswered'; requestHash: string };

/** API.md promises at least 24 h; rows are deleted after twice that. */
const KEPT_FOR = '48 hours';
/** How long a request waits for another attempt of itself that is still running, before 409 in progress. */
const WAIT_FOR_OTHER_ATTEMPT = '10s';

/**
 * The `idempotency_keys` table, in the service's schema. An answer is written
 * in the transaction of the command it answers (claimIn, then answerIn), or,
 * for a route whose work is not a command, after it (save). Answers are
 * stored encrypted.
 */
@Injectable()
export class IdempotencyStore {
  private readonly cipher: AnswerCipher;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(PLATFORM_CONFIG) config: PlatformConfig,
    @Inject(SERVICE_NAME) service: string,
  ) {
    this.cipher = new AnswerCipher(requireDataKey(config, 'ANSWER_ENCRYPTION_KEY'), service);
  }

  async find(scope: string, key: string): Promise<StoredAnswer | null> {
    const [row] = await this.dataSource.query(
      `SELECT request_hash, status_code, response FROM idempotency_keys WHERE scope = $1 AND key = $2`,
      [scope, key],
    );
    if (!row) return null;
    if (row.status_code === null) return { kind: 'unanswered', requestHash: row.request_hash };
    return { kind: 'answered', requestHash: row.request_hash, statusCode: row.status_code, response: this.cipher.open(row.response) };
  }

  /**
   * Takes the key in the command's transaction. False when another attempt of
   * the same key has committed meanwhile; an attempt still running makes this
   * one wait for its outcome (the row lock), up to WAIT_FOR_OTHER_ATTEMPT.
   */
  async claimIn(tx: Transaction, scope: string, key: string, requestHash: string): Promise<boolean> {
    await tx.query(`SET LOCAL lock_timeout = '${WAIT_FOR_OTHER_ATTEMPT}'`);
    const claimed = await tx.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT (scope, key) DO NOTHING RETURNING 1`,
      [scope, key, requestHash],
    );
    await tx.query(`SET LOCAL lock_timeout TO DEFAULT`);
    return claimed.length === 1;
  }

  async answerIn(tx: Transaction, scope: string, key: string, statusCode: number, response: unknown): Promise<void> {
    await tx.query(`UPDATE idempotency_keys SET status_code = $3, response = $4::jsonb WHERE scope = $1 AND key = $2`, [
      scope,
      key,
      statusCode,
      JSON.stringify(this.cipher.seal(response)),
    ]);
  }

  /** The answer of a route that ran no command transaction; the first answer stored wins. */
  async save(scope: string, key: string, requestHash: string, statusCode: number, response: unknown): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash, status_code, response) VALUES ($1, $2, $3, $4, $5::jsonb)
       ON CONFLICT (scope, key) DO NOTHING`,
      [scope, key, requestHash, statusCode, JSON.stringify(this.cipher.seal(response))],
    );
  }

  /** Forgets a claim whose command ended in a fault of ours (5xx): the client may retry with the same key. */
  async releaseIn(tx: Transaction, scope: string, key: string): Promise<void> {
    await tx.query(`DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND status_code IS NULL`, [scope, key]);
  }

  /**
   * Deletes the remembered answers that `about` recognises (an erased
   * patient's identity in a 201): an answer is encrypted under the service's
   * key, not the patient's, so erasure must forget it. Reads every answer
   * kept (48 h at most), which is why it is for rare events only.
   */
  async forgetAnswersIn(tx: Transaction, about: (response: unknown) => boolean): Promise<number> {
    const rows: { scope: string; key: string; response: unknown }[] = await tx.query(
      `SELECT scope, key, response FROM idempotency_keys WHERE status_code IS NOT NULL`,
    );
    const forgotten = rows.filter((row) => about(this.cipher.open(row.response)));
    for (const row of forgotten) await tx.query(`DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2`, [row.scope, row.key]);
    return forgotten.length;
  }

  /**
   * Expired answers, and rows without an answer: a claim is committed only
   * with its answer, so a visible unanswered row was left by a version that
   * claimed keys outside the command's transaction (a running claim is not
   * visible, hence not deleted).
   */
  async deleteExpired(): Promise<number> {
    const [{ deleted }] = await this.dataSource.query(
      `WITH gone AS (
         DELETE FROM idempotency_keys WHERE created_at < now() - interval '${KEPT_FOR}' OR status_code IS NULL RETURNING 1)
       SELECT count(*)::int AS deleted FROM gone`,
    );
    return deleted;
  }
}
