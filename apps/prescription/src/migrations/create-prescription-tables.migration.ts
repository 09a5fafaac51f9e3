import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The service's tables besides the event store:
 * - `certified_device_history`: every certification fact received from
 *   device-certification.events.v1, dated, so "certified for what on date D"
 *   is answered locally (no call to another service at prescription time);
 * - `prescriptions`: the read model (`resource` is the API representation
 *   without the identity, which stays encrypted in its own column);
 * - `active_prescription_slots`: one row per patient and indication with an
 *   ISSUED prescription; its unique key is what makes NO_DUPLICATE hold when
 *   two prescriptions are issued at the same time.
 */
export class CreatePrescriptionTables1764302000000 implements MigrationInterface {
  name = 'CreatePrescriptionTables1764302000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE certified_device_history (
        event_id uuid PRIMARY KEY,
        device_id uuid NOT NULL,
        type text NOT NULL,
        version integer NOT NULL,
        occurred_at timestamptz NOT NULL,
        terms jsonb,
        kafka_partition integer NOT NULL,
        kafka_offset bigint NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX certified_device_history_device_idx ON certified_device_history (device_id, version)`);
    await queryRunner.query(`
      CREATE TABLE prescriptions (
        id uuid PRIMARY KEY,
        status text NOT NULL,
        version integer NOT NULL,
        prescriber_rpps text NOT NULL,
        patient_pseudonym char(64) NOT NULL,
        indication text NOT NULL,
        device_id uuid NOT NULL,
        start_date date NOT NULL,
        end_date date NOT NULL,
        renewal_of uuid,
        identity_encrypted text NOT NULL,
        resource jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX prescriptions_prescriber_idx ON prescriptions (prescriber_rpps, created_at)`);
    await queryRunner.query(`CREATE INDEX prescriptions_patient_idx ON prescriptions (patient_pseudonym, indication, status)`);
    await queryRunner.query(`CREATE INDEX prescriptions_expiry_idx ON prescriptions (end_date) WHERE status = 'ISSUED'`);
    await queryRunner.query(`
      CREATE TABLE active_prescription_slots (
        patient_pseudonym char(64) NOT NULL,
        indication text NOT NULL,
        prescription_id uuid NOT NULL,
        CONSTRAINT active_prescription_slots_unique UNIQUE (patient_pseudonym, indication)
      )`);
    await queryRunner.query(`CREATE INDEX active_prescription_slots_prescription_idx ON active_prescription_slots (prescription_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE active_prescription_slots`);
    await queryRunner.query(`DROP TABLE prescriptions`);
    await queryRunner.query(`DROP TABLE certified_device_history`);
  }
}
