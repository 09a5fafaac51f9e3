import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Messages a consumer has already handled, keyed by consumer (its group id)
 * and event id: the row is written in the handler's transaction, so a message
 * delivered twice has its effect once.
 */
export class CreateInbox1764300100000 implements MigrationInterface {
  name = 'CreateInbox1764300100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE inbox (
        consumer text NOT NULL,
        message_id text NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, message_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE inbox`);
  }
}
