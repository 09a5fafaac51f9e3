import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What claims keeps of the other services' events, each fact stored as it
 * comes (an enrolment may arrive before its device's events, or after):
 * - `enrolment_facts`: per enrolment, its patient (the identity's ciphertext
 *   as the enrolment sealed it, null once erased), the prescription chain and
 *   its parties, the latest status and rights; `stream_version` is the last
 *   enrolment event applied, `facts_version` the last one that could change
 *   billable days (a claim computed with an older one is rechecked);
 * - `enrolment_timeline`: each dated step (activity, consent, rights);
 * - `enrolment_incidents`: each connectivity incident with its cause;
 * - `prescription_facts`: each prescription's status and dates;
 * - `device_facts`: each device product's exploitant (paid the technical fee) and LPP code;
 * - `device_certification_facts`: each certification step of a product.
 */
export class CreateFactTables1764310000000 implements MigrationInterface {
  name = 'CreateFactTables1764310000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE enrolment_facts (
        enrolment_id uuid PRIMARY KEY,
        pseudonym text NOT NULL,
        identity_encrypted text,
        prescription_id uuid NOT NULL,
        prescription_ids uuid[] NOT NULL,
        prescriber_rpps text[] NOT NULL,
        operator_org text NOT NULL,
        device_id uuid NOT NULL,
        udi_di text NOT NULL,
        indication text NOT NULL,
        ald boolean NOT NULL,
        start_date date NOT NULL,
        end_date date NOT NULL,
        status text NOT NULL,
        rights_status text NOT NULL,
        created_at timestamptz NOT NULL,
        ended_at timestamptz,
        stream_version integer NOT NULL,
        facts_version integer NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX enrolment_facts_period_idx ON enrolment_facts (created_at, ended_at)`);
    await queryRunner.query(`CREATE INDEX enrolment_facts_patient_idx ON enrolment_facts (pseudonym)`);
    await queryRunner.query(`CREATE INDEX enrolment_facts_prescriptions_idx ON enrolment_facts USING gin (prescription_ids)`);
    await queryRunner.query(`
      CREATE TABLE enrolment_timeline (
        enrolment_id uuid NOT NULL,
        stream_version integer NOT NULL,
        at timestamptz NOT NULL,
        kind text NOT NULL,
        PRIMARY KEY (enrolment_id, stream_version)
      )`);
    await queryRunner.query(`
      CREATE TABLE enrolment_incidents (
        incident_id uuid PRIMARY KEY,
        enrolment_id uuid NOT NULL,
        started_at timestamptz NOT NULL,
        ended_at timestamptz,
        cause text NOT NULL,
        withdrawn boolean NOT NULL DEFAULT false,
        stream_version integer NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX enrolment_incidents_enrolment_idx ON enrolment_incidents (enrolment_id, started_at)`);
    await queryRunner.query(`
      CREATE TABLE prescription_facts (
        prescription_id uuid PRIMARY KEY,
        status text NOT NULL,
        start_date date NOT NULL,
        end_date date NOT NULL,
        cancelled_at timestamptz,
        indication text NOT NULL,
        operator_org text NOT NULL,
        prescriber_rpps text NOT NULL,
        device_id uuid NOT NULL,
        version integer NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE device_facts (
        device_id uuid PRIMARY KEY,
        udi_di text NOT NULL,
        exploitant_siret text NOT NULL,
        exploitant_name text NOT NULL,
        lpp_code text,
        version integer NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE device_certification_facts (
        device_id uuid NOT NULL,
        version integer NOT NULL,
        kind text NOT NULL,
        at timestamptz NOT NULL,
        valid_from timestamptz,
        valid_until timestamptz,
        PRIMARY KEY (device_id, version)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'device_certification_facts',
      'device_facts',
      'prescription_facts',
      'enrolment_incidents',
      'enrolment_timeline',
      'enrolment_facts',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
