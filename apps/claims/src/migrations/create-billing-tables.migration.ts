import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The billing runs and what they produced, the file active frozen per
 * semester, and the remittance advices:
 * - `billing_runs`: one scheduled run per period at most (the partial unique
 *   index, where two schedulers meet), any number of admin runs;
 * - `billing_run_items`: each enrolment a run looked at, claimed or skipped
 *   with its reason (a retried job finds those already done);
 * - `billing_run_corrections`: each corrective claim a run issued;
 * - `file_active`: per exploitant, LPP code and semester, the patients of
 *   the previous semester and the tranche they give, frozen at the
 *   semester's first run;
 * - `remittances`: one advice per payee and payment run, its claims' lines.
 */
export class CreateBillingTables1764312000000 implements MigrationInterface {
  name = 'CreateBillingTables1764312000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE billing_runs (
        id uuid PRIMARY KEY,
        period text NOT NULL,
        trigger text NOT NULL CHECK (trigger IN ('SCHEDULED', 'ADMIN')),
        status text NOT NULL,
        requested_by text,
        created_at timestamptz NOT NULL,
        started_at timestamptz,
        completed_at timestamptz,
        error text
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX billing_runs_scheduled_once ON billing_runs (period) WHERE trigger = 'SCHEDULED'`);
    await queryRunner.query(`CREATE INDEX billing_runs_period_idx ON billing_runs (period, created_at)`);
    await queryRunner.query(`
      CREATE TABLE billing_run_items (
        run_id uuid NOT NULL,
        enrolment_id uuid NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('CLAIMED', 'SKIPPED')),
        reason text,
        claim_id uuid,
        PRIMARY KEY (run_id, enrolment_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE billing_run_corrections (
        run_id uuid NOT NULL,
        claim_id uuid NOT NULL,
        correction_of uuid NOT NULL,
        PRIMARY KEY (run_id, claim_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE file_active (
        exploitant text NOT NULL,
        lpp_code text NOT NULL,
        semester text NOT NULL,
        patients numeric NOT NULL,
        monthly jsonb NOT NULL,
        tranche_from integer NOT NULL,
        tranche_cents integer NOT NULL,
        tariff_version text NOT NULL,
        frozen_at timestamptz NOT NULL,
        PRIMARY KEY (exploitant, lpp_code, semester)
      )`);
    await queryRunner.query(`
      CREATE TABLE remittances (
        id uuid PRIMARY KEY,
        payment_run_id text NOT NULL,
        payee text NOT NULL,
        reference text NOT NULL,
        paid_at timestamptz NOT NULL,
        total_cents integer NOT NULL,
        claims jsonb NOT NULL,
        UNIQUE (payment_run_id, payee)
      )`);
    await queryRunner.query(`CREATE INDEX remittances_payee_idx ON remittances (payee, paid_at)`);
    await queryRunner.query(`CREATE INDEX remittances_paid_idx ON remittances (paid_at, id)`);
    await queryRunner.query(`CREATE INDEX remittances_claims_idx ON remittances USING gin (claims jsonb_path_ops)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['remittances', 'file_active', 'billing_run_corrections', 'billing_run_items', 'billing_runs']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
