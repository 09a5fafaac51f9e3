import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The service's tables besides the event store and the transmissions:
 * - `enrolments`: the read model (`resource` is the API representation
 *   without the identity, which stays encrypted under the patient's key in its
 *   own column, null once the patient is erased);
 * - `enrolment_prescriptions`: which enrolment each prescription of a chain
 *   belongs to; its primary key is what creates an enrolment once per
 *   prescription, whatever the deliveries;
 * - `awaiting_renewals`: a renewal that arrived before the prescription it
 *   renews (two streams, two partitions: no order between them), applied
 *   when that one's enrolment is created;
 * - `consents`: each consent as its own record, with its withdrawal;
 * - `device_serials`: the serial numbers assigned to enrolments that have not
 *   ended; its primary key is what keeps one device in one enrolment when two
 *   operators assign it at the same time;
 * - `device_certifications`: each device product's certification as
 *   device-certification.events.v1 told it (activation and resumption check
 *   it locally, never by calling that service).
 */
export class CreateEnrolmentTables1764303000000 implements MigrationInterface {
  name = 'CreateEnrolmentTables1764303000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE enrolments (
        id uuid PRIMARY KEY,
        status text NOT NULL,
        version integer NOT NULL,
        prescription_id uuid NOT NULL,
        prescription_ids uuid[] NOT NULL,
        operator_org text NOT NULL,
        prescriber_rpps text[] NOT NULL,
        patient_pseudonym char(64) NOT NULL,
        device_id uuid NOT NULL,
        end_date date NOT NULL,
        identity_encrypted text,
        patient_erased_at timestamptz,
        resource jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX enrolments_prescriptions_idx ON enrolments USING gin (prescription_ids)`);
    await queryRunner.query(`CREATE INDEX enrolments_prescribers_idx ON enrolments USING gin (prescriber_rpps)`);
    await queryRunner.query(`CREATE INDEX enrolments_operator_idx ON enrolments (operator_org, created_at)`);
    await queryRunner.query(`CREATE INDEX enrolments_patient_idx ON enrolments (patient_pseudonym)`);
    await queryRunner.query(`CREATE INDEX enrolments_device_idx ON enrolments (device_id) WHERE status IN ('ACTIVE', 'SUSPENDED')`);
    await queryRunner.query(`CREATE INDEX enrolments_end_idx ON enrolments (end_date) WHERE status <> 'ENDED'`);
    await queryRunner.query(`
      CREATE TABLE enrolment_prescriptions (
        prescription_id uuid PRIMARY KEY,
        enrolment_id uuid NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE awaiting_renewals (
        prescription_id uuid PRIMARY KEY,
        renewal_of uuid NOT NULL,
        envelope jsonb NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX awaiting_renewals_of_idx ON awaiting_renewals (renewal_of)`);
    await queryRunner.query(`
      CREATE TABLE consents (
        id uuid PRIMARY KEY,
        enrolment_id uuid NOT NULL,
        decision text NOT NULL,
        consent_text_version text NOT NULL,
        method text NOT NULL,
        signed_at timestamptz NOT NULL,
        signed_by text NOT NULL,
        representative_role text,
        recorded_by jsonb NOT NULL,
        recorded_at timestamptz NOT NULL,
        withdrawn_at timestamptz,
        withdrawn_by jsonb
      )`);
    await queryRunner.query(`CREATE INDEX consents_enrolment_idx ON consents (enrolment_id, recorded_at)`);
    await queryRunner.query(`
      CREATE TABLE device_serials (
        udi_di text NOT NULL,
        serial_number text NOT NULL,
        enrolment_id uuid NOT NULL,
        assigned_at timestamptz NOT NULL,
        PRIMARY KEY (udi_di, serial_number)
      )`);
    await queryRunner.query(`CREATE INDEX device_serials_enrolment_idx ON device_serials (enrolment_id)`);
    await queryRunner.query(`
      CREATE TABLE device_certifications (
        device_id uuid PRIMARY KEY,
        status text NOT NULL,
        valid_until timestamptz,
        version integer NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['device_certifications', 'device_serials', 'consents', 'awaiting_renewals', 'enrolment_prescriptions', 'enrolments']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
