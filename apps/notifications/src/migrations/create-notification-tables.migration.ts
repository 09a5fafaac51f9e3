import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inboxes' read model, `notifications`: one row per fact and recipient
 * (its id derived from both, so a redelivered event adds nothing), the
 * recipient as `physician:<rpps>` or `org:<id>`, the first reading with its
 * reader. The partial index serves `?unread=true`, newest first.
 */
export class CreateNotificationTables1764320000000 implements MigrationInterface {
  name = 'CreateNotificationTables1764320000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY,
        recipient text NOT NULL,
        type text NOT NULL,
        subject text NOT NULL,
        related_subjects text[] NOT NULL,
        message text NOT NULL,
        engaging boolean NOT NULL,
        source_event_id uuid NOT NULL,
        created_at timestamptz NOT NULL,
        read_at timestamptz,
        read_by text
      )`);
    await queryRunner.query(`CREATE INDEX notifications_inbox ON notifications (recipient, created_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX notifications_unread ON notifications (recipient, created_at DESC, id DESC) WHERE read_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE notifications`);
  }
}
