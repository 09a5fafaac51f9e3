import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rights sweep's index: every minute it looks for the enrolments whose
 * rights check is still PENDING a minute after their last event (a job lost
 * in a crash, or one that failed for good while Postgres was down). Partial
 * on exactly the sweep's predicate, it holds only the few enrolments waiting
 * for an answer, so the sweep never scans every enrolment; (updated_at, id)
 * is the sweep's order and keyset, read straight from the index.
 */
export class IndexPendingRights1764320000000 implements MigrationInterface {
  name = 'IndexPendingRights1764320000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX enrolments_pending_rights_idx ON enrolments (updated_at, id) WHERE resource->'rights'->>'status' = 'PENDING' AND status <> 'ENDED'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX enrolments_pending_rights_idx`);
  }
}
