import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Answers remembered per `Idempotency-Key`. A row with a NULL status is a
 * request still in progress. `scope` = caller + method + route, so two callers
 * never share a key space.
 */
export class CreateIdempotencyKeys1764300000500 implements MigrationInterface {
  name = 'CreateIdempotencyKeys1764300000500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE idempotency_keys (
        scope text NOT NULL,
        key text NOT NULL,
        request_hash char(64) NOT NULL,
        status_code int,
        response jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (scope, key)
      )`);
    await queryRunner.query(`CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE idempotency_keys`);
  }
}

/** Tables every service with a database gets from the service-kit. */
export const serviceKitMigrations = [CreateIdempotencyKeys1764300000500];
