import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ledger's tables. `ledger_pending` is where consumed entries wait for the
 * single writer (consumption and appending are decoupled, so the append is
 * batched). `ledger_entries.entry_jcs` holds the exact leaf bytes (RFC 8785
 * text), so verification rehashes what was stored, never a re-serialisation.
 * `ledger_nodes` holds every complete perfect subtree, level 0 being the leaf
 * hashes: a proof reads O(log n) rows.
 */
export class CreateLedger1764305000000 implements MigrationInterface {
  name = 'CreateLedger1764305000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ledger_pending (
        position bigserial PRIMARY KEY,
        entry_id uuid NOT NULL UNIQUE,
        stream_id text NOT NULL,
        entry_jcs text NOT NULL,
        chain_hash text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE ledger_entries (
        index bigint PRIMARY KEY,
        entry_id uuid NOT NULL UNIQUE,
        entry_jcs text NOT NULL,
        subject text NOT NULL,
        subjects text[] NOT NULL,
        stream_id text NOT NULL,
        occurred_at timestamptz NOT NULL,
        chain_finding jsonb,
        recorded_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX ledger_entries_subjects ON ledger_entries USING gin (subjects)`);
    await queryRunner.query(`CREATE INDEX ledger_entries_subject ON ledger_entries (subject, index)`);
    await queryRunner.query(`
      CREATE TABLE ledger_nodes (
        level int NOT NULL,
        index bigint NOT NULL,
        hash bytea NOT NULL,
        PRIMARY KEY (level, index)
      )`);
    await queryRunner.query(`
      CREATE TABLE ledger_stream_heads (
        stream_id text PRIMARY KEY,
        last_hash text NOT NULL,
        last_version int NOT NULL,
        last_index bigint NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE tree_heads (
        tree_size bigint PRIMARY KEY,
        root_hash bytea NOT NULL,
        timestamp_ms bigint NOT NULL,
        signature bytea NOT NULL,
        key_id text NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['tree_heads', 'ledger_stream_heads', 'ledger_nodes', 'ledger_entries', 'ledger_pending']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
