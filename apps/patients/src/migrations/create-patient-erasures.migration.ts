import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The erasures read model: one row per erased pseudonym, rebuilt from the
 * events at will. It holds the pseudonym, the legal basis and the note's
 * commitment: nothing that identifies a person.
 */
export class CreatePatientErasures1765000000000 implements MigrationInterface {
  name = 'CreatePatientErasures1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE patient_erasures (
        pseudonym char(64) PRIMARY KEY,
        erasure_id uuid NOT NULL,
        version integer NOT NULL,
        erased_at timestamptz NOT NULL,
        resource jsonb NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE patient_erasures`);
  }
}
