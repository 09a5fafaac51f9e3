import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A prescription whose patient was erased keeps its row (the pseudonym joins
 * claims and the ledger) but not the identity's ciphertext: `patient_erased_at`
 * says so, and reads answer "erased" without asking for a key that is gone.
 */
export class PatientErasure1764302100000 implements MigrationInterface {
  name = 'PatientErasure1764302100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE prescriptions ALTER COLUMN identity_encrypted DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE prescriptions ADD COLUMN patient_erased_at timestamptz`);
    await queryRunner.query(`CREATE INDEX prescriptions_patient ON prescriptions (patient_pseudonym)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX prescriptions_patient`);
    await queryRunner.query(`ALTER TABLE prescriptions DROP COLUMN patient_erased_at`);
  }
}
