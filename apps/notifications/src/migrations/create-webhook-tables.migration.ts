import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The organisations' webhooks and what was delivered to them:
 * - `webhooks`: the read model of the Webhook streams, plus the secret sealed
 *   under the service's text key (`secret_sealed`, bound to `webhook:<id>#secret`;
 *   written in the registering transaction, never in clear anywhere);
 * - `webhook_deliveries`: one row per notification and webhook (its id derived
 *   from both, so a redelivered event adds nothing), PENDING until a 2xx
 *   (DELIVERED) or the last attempt of its schedule (FAILED);
 * - `webhook_attempts`: every POST of a delivery, numbered from 1.
 * The partial index serves the sweep that re-queues PENDING deliveries.
 */
export class CreateWebhookTables1764322000000 implements MigrationInterface {
  name = 'CreateWebhookTables1764322000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE webhooks (
        id uuid PRIMARY KEY,
        org text NOT NULL,
        url text NOT NULL,
        events text[] NOT NULL,
        secret_sealed text,
        status text NOT NULL CHECK (status IN ('ACTIVE', 'DELETED')),
        version integer NOT NULL,
        created_at timestamptz NOT NULL,
        deleted_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX webhooks_org ON webhooks (org, created_at DESC, id DESC)`);
    await queryRunner.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY,
        webhook_id uuid NOT NULL REFERENCES webhooks (id),
        notification_id uuid NOT NULL,
        type text NOT NULL,
        status text NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
        attempts integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL,
        delivered_at timestamptz,
        failed_at timestamptz,
        last_status_code integer,
        last_error text,
        UNIQUE (webhook_id, notification_id)
      )`);
    await queryRunner.query(`CREATE INDEX webhook_deliveries_log ON webhook_deliveries (webhook_id, created_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX webhook_deliveries_pending ON webhook_deliveries (created_at) WHERE status = 'PENDING'`);
    await queryRunner.query(`
      CREATE TABLE webhook_attempts (
        delivery_id uuid NOT NULL REFERENCES webhook_deliveries (id),
        attempt integer NOT NULL CHECK (attempt >= 1),
        at timestamptz NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('DELIVERED', 'FAILED')),
        status_code integer,
        error text,
        duration_ms integer NOT NULL,
        PRIMARY KEY (delivery_id, attempt)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE webhook_attempts`);
    await queryRunner.query(`DROP TABLE webhook_deliveries`);
    await queryRunner.query(`DROP TABLE webhooks`);
  }
}
