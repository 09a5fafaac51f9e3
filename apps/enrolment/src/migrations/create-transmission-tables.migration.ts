import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the service keeps of transmissions (never the raw ones):
 * - `transmission_days`: per enrolment and Paris day, whether data came (and
 *   how much), for billing and observance;
 * - `transmission_marks`: per enrolment, the start of monitoring and the
 *   first and last transmission, the one row a batch locks. `reference_at`
 *   is what silence is measured from (the last transmission, or the start of
 *   monitoring when none came since), indexed for the sweep; `stopped_at`
 *   is set while monitoring is stopped (suspended, ended) so the sweep skips it;
 * - `silences`: every gap longer than the expected interval, with the system
 *   incident it gave; `to_at` NULL while it lasts, at most one such per
 *   enrolment (the partial unique index), so two sweeps or a sweep and a
 *   batch never open two.
 */
export class CreateTransmissionTables1764308100000 implements MigrationInterface {
  name = 'CreateTransmissionTables1764308100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE transmission_days (
        enrolment_id uuid NOT NULL,
        day date NOT NULL,
        transmissions integer NOT NULL CHECK (transmissions > 0),
        first_at timestamptz NOT NULL,
        last_at timestamptz NOT NULL,
        PRIMARY KEY (enrolment_id, day)
      )`);
    await queryRunner.query(`
      CREATE TABLE transmission_marks (
        enrolment_id uuid PRIMARY KEY,
        monitoring_mode text NOT NULL,
        monitoring_from timestamptz NOT NULL,
        first_at timestamptz,
        last_at timestamptz,
        reference_at timestamptz NOT NULL GENERATED ALWAYS AS (GREATEST(last_at, monitoring_from)) STORED,
        stopped_at timestamptz
      )`);
    await queryRunner.query(
      `CREATE INDEX transmission_marks_due_idx ON transmission_marks (monitoring_mode, reference_at) WHERE stopped_at IS NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE silences (
        id uuid PRIMARY KEY,
        enrolment_id uuid NOT NULL,
        from_at timestamptz NOT NULL,
        to_at timestamptz,
        incident_id uuid,
        CHECK (to_at IS NULL OR to_at > from_at)
      )`);
    await queryRunner.query(`CREATE INDEX silences_enrolment_idx ON silences (enrolment_id, to_at)`);
    await queryRunner.query(`CREATE UNIQUE INDEX silences_one_ongoing ON silences (enrolment_id) WHERE to_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE silences`);
    await queryRunner.query(`DROP TABLE transmission_marks`);
    await queryRunner.query(`DROP TABLE transmission_days`);
  }
}
