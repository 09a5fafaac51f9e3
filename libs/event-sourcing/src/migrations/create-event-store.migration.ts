import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event store of a service's schema (tables unqualified: the schema is
 * first on the connection's search_path).
 * Indexes are kept to what correctness needs: each one is paid on every append.
 * - streams: the optimistic-concurrency row; `position` is not indexed so its
 *   update stays a HOT update. `audit_head_hash`/`audit_seq` are the tip of the
 *   stream's audit chain, so a chain append is guarded like an event append.
 * - events: `transaction_id` lets global readers stay below the oldest
 *   transaction still in flight and never skip a late commit.
 * - audit_entries: the service-local hash chain, one per stream.
 */
export class CreateEventStore1764200000000 implements MigrationInterface {
  name = 'CreateEventStore1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE streams (
        stream_id text PRIMARY KEY,
        stream_type text NOT NULL,
        position bigint NOT NULL,
        audit_head_hash char(64),
        audit_seq integer NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE events (
        global_position bigserial PRIMARY KEY,
        event_id uuid NOT NULL UNIQUE,
        stream_id text NOT NULL,
        stream_type text NOT NULL,
        version bigint NOT NULL,
        type text NOT NULL,
        schema_version integer NOT NULL,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        occurred_at timestamptz NOT NULL,
        transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        UNIQUE (stream_id, version)
      )`);
    await queryRunner.query(`
      CREATE TABLE audit_entries (
        id uuid PRIMARY KEY,
        stream_id text NOT NULL,
        seq integer NOT NULL,
        entry jsonb NOT NULL,
        hash char(64) NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (stream_id, seq)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_entries`);
    await queryRunner.query(`DROP TABLE events`);
    await queryRunner.query(`DROP TABLE streams`);
  }
}
