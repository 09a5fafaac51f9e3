import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `ledger_signers`: every service key ever configured, kept when it leaves
 * the configuration, so what it sealed keeps verifying (rotation = a new key
 * and the old one's valid_until). `ledger_quarantine`: every message of
 * audit.entries.v1 the ledger refused, with its reason and the raw bytes (up
 * to 64 KiB; beyond, only their SHA-256 and size).
 */
export class CreateSignersQuarantine1764306000000 implements MigrationInterface {
  name = 'CreateSignersQuarantine1764306000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ledger_signers (
        key_id text PRIMARY KEY,
        service text NOT NULL,
        public_key_pem text NOT NULL,
        valid_from timestamptz NOT NULL,
        valid_until timestamptz,
        registered_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE ledger_quarantine (
        id uuid PRIMARY KEY,
        received_at timestamptz NOT NULL,
        reason text NOT NULL,
        message text NOT NULL,
        entry_id text,
        service text,
        stream_id text,
        topic text NOT NULL,
        partition int NOT NULL,
        "offset" text NOT NULL,
        raw bytea,
        raw_sha256 text NOT NULL,
        raw_size int NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX ledger_quarantine_newest ON ledger_quarantine (received_at DESC, id DESC)`);
    // Where a staged entry came from, for the quarantine row if its chain link turns out broken.
    await queryRunner.query(`ALTER TABLE ledger_pending ADD COLUMN topic text NOT NULL DEFAULT '', ADD COLUMN partition int NOT NULL DEFAULT 0, ADD COLUMN "offset" text NOT NULL DEFAULT ''`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE ledger_pending DROP COLUMN topic, DROP COLUMN partition, DROP COLUMN "offset"`);
    await queryRunner.query(`DROP TABLE ledger_quarantine`);
    await queryRunner.query(`DROP TABLE ledger_signers`);
  }
}
