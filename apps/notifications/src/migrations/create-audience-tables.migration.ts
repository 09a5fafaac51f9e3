import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who each fact concerns, kept from the events of the other contexts:
 * - `enrolments`: each enrolment's prescription in force, its prescriber, its
 *   operator, its device and patient (pseudonym), and when it was last
 *   activated or left ACTIVE, so a device's fact finds the enrolments that
 *   were active at that moment whatever order the two topics arrive in;
 * - `devices`: the vendor (the manufacturer's SIRET) and the product's name;
 * - `device_alerts`: each suspension or revocation, so an activation that
 *   arrives after it still tells its prescriber;
 * - `claims`: each claim's payees, prescriptions and patient.
 * Each row carries its stream's version: an event older than the row changes nothing.
 */
export class CreateAudienceTables1764321000000 implements MigrationInterface {
  name = 'CreateAudienceTables1764321000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE enrolments (
        enrolment_id uuid PRIMARY KEY,
        prescription_id uuid NOT NULL,
        prescriber_rpps text NOT NULL,
        operator_org text NOT NULL,
        device_id uuid NOT NULL,
        pseudonym text NOT NULL,
        status text NOT NULL,
        activated_at timestamptz,
        inactive_since timestamptz,
        version integer NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX enrolments_device ON enrolments (device_id)`);
    await queryRunner.query(`
      CREATE TABLE devices (
        device_id uuid PRIMARY KEY,
        vendor_org text NOT NULL,
        name text NOT NULL,
        model text NOT NULL,
        version integer NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE device_alerts (
        event_id uuid PRIMARY KEY,
        device_id uuid NOT NULL,
        event_type text NOT NULL,
        occurred_at timestamptz NOT NULL,
        correlation_id text NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX device_alerts_device ON device_alerts (device_id, occurred_at)`);
    await queryRunner.query(`
      CREATE TABLE claims (
        claim_id uuid PRIMARY KEY,
        enrolment_id uuid NOT NULL,
        prescription_ids uuid[] NOT NULL,
        pseudonym text NOT NULL,
        period text NOT NULL,
        payees text[] NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE claims`);
    await queryRunner.query(`DROP TABLE device_alerts`);
    await queryRunner.query(`DROP TABLE devices`);
    await queryRunner.query(`DROP TABLE enrolments`);
  }
}
