import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The free texts of the service's audit entries, kept for disclosure: the
 * entry holds the commitment of each (at `path`, an RFC 6901 pointer into
 * it), this table its ciphertext, written by the same statement as the entry.
 * `pseudonym`: the patient whose data key sealed it (null: the service's own
 * text key); `readers`: who besides auditors may read it (`physician:<rpps>`,
 * `physician:*`). Erasing a patient destroys their key, not these rows: the
 * ciphertext stays, and no one can open it.
 */
export class CreateAuditDisclosures1764307000000 implements MigrationInterface {
  name = 'CreateAuditDisclosures1764307000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_disclosures (
        entry_id uuid NOT NULL REFERENCES audit_entries (id),
        path text NOT NULL,
        ciphertext text NOT NULL,
        aad text NOT NULL,
        pseudonym text,
        readers text[] NOT NULL DEFAULT '{}',
        PRIMARY KEY (entry_id, path)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_disclosures`);
  }
}
