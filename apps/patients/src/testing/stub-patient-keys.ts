import type { PatientKeyEraser } from '@app/service-kit/patient-keys/patient-keyring';
import { Injectable } from '@nestjs/common';
import type { DataSource, EntityManager, MigrationInterface, QueryRunner } from 'typeorm';

/*
 * TEST STAND-IN for the patient keys library (another part of issue 10):
 * a table of wrapped keys in the test's own schema and an eraser that
 * destroys them through the caller's transaction, as
 * `patient_keys.erase_patient` does. Enough to show that the erasure
 * destroys keys in its own transaction; the library's PgPatientKeyEraser
 * replaces it when merged.
 */

export class CreateStubPatientKeys1765000000001 implements MigrationInterface {
  name = 'CreateStubPatientKeys1765000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE stub_patient_keys (
        pseudonym char(64) NOT NULL,
        generation integer NOT NULL,
        wrapped_key bytea,
        destroyed_at timestamptz,
        PRIMARY KEY (pseudonym, generation)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE stub_patient_keys`);
  }
}

const ERASE = `
  WITH destroyed AS (
    UPDATE stub_patient_keys SET wrapped_key = NULL, destroyed_at = now()
     WHERE pseudonym = $1 AND wrapped_key IS NOT NULL RETURNING 1)
  SELECT EXISTS (SELECT 1 FROM stub_patient_keys WHERE pseudonym = $1) AS known,
         (SELECT count(*)::int FROM destroyed) AS destroyed`;

@Injectable()
export class StubPatientKeyEraser implements PatientKeyEraser {
  async erase(pseudonym: string, manager: EntityManager): Promise<{ known: boolean; destroyed: number }> {
    const [row] = await manager.query(ERASE, [pseudonym]);
    return { known: row.known, destroyed: row.destroyed };
  }
}

/** A patient with `generations` live data keys (a first prescription, then rotations). */
export async function issueStubKeys(dataSource: DataSource, pseudonym: string, generations = 1): Promise<void> {
  for (let generation = 1; generation <= generations; generation++) {
    await dataSource.query(`INSERT INTO stub_patient_keys (pseudonym, generation, wrapped_key) VALUES ($1, $2, $3)`, [
      pseudonym,
      generation,
      Buffer.from(`wrapped-${generation}`),
    ]);
  }
}

/** Generations of the patient's key still live (not destroyed). */
export async function liveStubKeys(dataSource: DataSource, pseudonym: string): Promise<number> {
  const [{ live }] = await dataSource.query(
    `SELECT count(*)::int AS live FROM stub_patient_keys WHERE pseudonym = $1 AND wrapped_key IS NOT NULL`,
    [pseudonym],
  );
  return live;
}
