import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Claim stream's read model and the key that makes one claim per month:
 * - `claims`: `resource` is the API representation without the identity,
 *   which stays in its own column as the enrolment sealed it (null once the
 *   patient is erased); the other columns are what lists, visibility, the
 *   payment, the submission sweep, the corrections and the file active filter
 *   on. `queued_at` is what the processors' queue sorts on: the last entry in
 *   the queue, or the creation;
 * - `claim_keys`: one claim at most per (pseudonym, indication, period), the
 *   primary key where two runs (or a retried job) meet; a corrective claim
 *   takes over the key of the claim it corrects.
 */
export class CreateClaimTables1764311000000 implements MigrationInterface {
  name = 'CreateClaimTables1764311000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE claims (
        id uuid PRIMARY KEY,
        status text NOT NULL,
        version integer NOT NULL,
        enrolment_id uuid NOT NULL,
        pseudonym text NOT NULL,
        identity_encrypted text,
        prescription_id uuid NOT NULL,
        prescription_ids uuid[] NOT NULL,
        prescriber_rpps text[] NOT NULL,
        indication text NOT NULL,
        device_id uuid NOT NULL,
        operator_payee text,
        technical_payee text,
        lpp_code text NOT NULL,
        period text NOT NULL,
        billing_run_id uuid NOT NULL,
        correction_of uuid,
        corrected_by uuid,
        contested boolean NOT NULL DEFAULT false,
        submission integer NOT NULL,
        facts_version integer NOT NULL,
        total_cents integer NOT NULL,
        approved_cents integer,
        credit_cents integer NOT NULL DEFAULT 0,
        credit_settled boolean NOT NULL DEFAULT false,
        resource jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        submitted_at timestamptz,
        queued_at timestamptz NOT NULL GENERATED ALWAYS AS (COALESCE(submitted_at, created_at)) STORED,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX claims_queue_idx ON claims (status, queued_at, id)`);
    await queryRunner.query(`CREATE INDEX claims_sorted_idx ON claims (queued_at, id)`);
    await queryRunner.query(`CREATE INDEX claims_period_idx ON claims (period, status)`);
    await queryRunner.query(`CREATE INDEX claims_operator_idx ON claims (operator_payee, queued_at)`);
    await queryRunner.query(`CREATE INDEX claims_technical_idx ON claims (technical_payee, queued_at)`);
    await queryRunner.query(`CREATE INDEX claims_prescribers_idx ON claims USING gin (prescriber_rpps)`);
    await queryRunner.query(`CREATE INDEX claims_patient_idx ON claims (pseudonym)`);
    await queryRunner.query(`CREATE INDEX claims_enrolment_idx ON claims (enrolment_id, period)`);
    // The payment job, the credits, the submission sweep and the recheck of claims in force: each a partial index of what is due.
    await queryRunner.query(`CREATE INDEX claims_approved_idx ON claims (updated_at, id) WHERE status = 'APPROVED'`);
    await queryRunner.query(`CREATE INDEX claims_credits_idx ON claims (updated_at, id) WHERE status = 'CANCELLED' AND credit_cents > 0 AND NOT credit_settled`);
    await queryRunner.query(`CREATE INDEX claims_created_idx ON claims (updated_at, id) WHERE status = 'CREATED'`);
    await queryRunner.query(`CREATE INDEX claims_in_force_idx ON claims (enrolment_id, facts_version) WHERE status NOT IN ('CANCELLED', 'REJECTED')`);
    // The file active: distinct patients per exploitant, LPP code and month, of the claims that count.
    await queryRunner.query(
      `CREATE INDEX claims_file_active_idx ON claims (technical_payee, lpp_code, period, pseudonym) WHERE status NOT IN ('CANCELLED', 'REJECTED')`,
    );
    await queryRunner.query(`
      CREATE TABLE claim_keys (
        pseudonym text NOT NULL,
        indication text NOT NULL,
        period text NOT NULL,
        claim_id uuid NOT NULL,
        PRIMARY KEY (pseudonym, indication, period)
      )`);
    await queryRunner.query(`CREATE INDEX claim_keys_claim_idx ON claim_keys (claim_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE claim_keys`);
    await queryRunner.query(`DROP TABLE claims`);
  }
}
