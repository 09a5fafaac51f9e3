import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox of the service's schema (tables are unqualified: each service
 * connects with its own schema first on the search_path).
 * `transaction_id` lets the relay read only below the oldest transaction still
 * in flight, so a late-committing row is never skipped.
 */
export class CreateOutbox1764300000000 implements MigrationInterface {
  name = 'CreateOutbox1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE outbox (
        position bigserial PRIMARY KEY,
        topic text NOT NULL,
        message_key text NOT NULL,
        payload jsonb NOT NULL,
        headers jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE outbox`);
  }
}
