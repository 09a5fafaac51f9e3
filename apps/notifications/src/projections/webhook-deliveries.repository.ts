import type { Transaction } from '@app/event-sourcing';
import { pageWindow } from '@app/service-kit';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { NotificationType } from '@app/contracts';
import type { WebhookDeliveryStatus } from '../domain/webhook-delivery';
import { WebhookAttemptsRepository } from './webhook-attempts.repository';
import type { NewWebhookDelivery, WebhookAttemptRecord, WebhookDeliveryRow, WebhookDeliveryView } from './webhook-delivery-view';

interface RawDelivery {
  id: string;
  notificationId: string;
  type: NotificationType;
  status: WebhookDeliveryStatus;
  attempts: number;
  createdAt: Date;
  deliveredAt: Date | null;
  failedAt: Date | null;
  lastStatusCode: number | null;
  lastError: string | null;
}

const ROW = `id, notification_id AS "notificationId", type, status, attempts, created_at AS "createdAt", delivered_at AS "deliveredAt",
  failed_at AS "failedAt", last_status_code AS "lastStatusCode", last_error AS "lastError"`;

/** The `webhook_deliveries` table: one row per notification and webhook, its status the job's to move. */
@Injectable()
export class WebhookDeliveriesRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly attempts: WebhookAttemptsRepository,
  ) {}

  /**
   * Stores the deliveries that do not exist yet (a redelivered event adds
   * nothing) and answers the ids, of these, still PENDING: the ones whose job
   * must be queued. Committed when it returns, so a job finds its row.
   */
  async addPending(deliveries: NewWebhookDelivery[]): Promise<string[]> {
    if (deliveries.length === 0) return [];
    return this.dataSource.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO webhook_deliveries (id, webhook_id, notification_id, type, status, created_at)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::timestamptz[]) ON CONFLICT DO NOTHING`,
        [
          deliveries.map((d) => d.id),
          deliveries.map((d) => d.webhookId),
          deliveries.map((d) => d.notificationId),
          deliveries.map((d) => d.type),
          deliveries.map(() => 'PENDING'),
          deliveries.map((d) => d.createdAt.toISOString()),
        ],
      );
      const pending: Array<{ id: string }> = await tx.query(`SELECT id FROM webhook_deliveries WHERE id = ANY ($1) AND status = 'PENDING' ORDER BY id`, [
        deliveries.map((d) => d.id),
      ]);
      return pending.map((row) => row.id);
    });
  }

  async get(id: string): Promise<WebhookDeliveryRow | null> {
    const [row] = await this.dataSource.query(
      `SELECT id, webhook_id AS "webhookId", notification_id AS "notificationId", status, attempts FROM webhook_deliveries WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** Logs an attempt and moves the delivery with it, in one transaction; a delivery no longer PENDING is left as it is. */
  async recordAttempt(record: WebhookAttemptRecord): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      await this.attempts.add(tx, record);
      await tx.query(
        `UPDATE webhook_deliveries SET
           attempts = GREATEST(attempts, $2), status = $3, last_status_code = $4, last_error = $5,
           delivered_at = CASE WHEN $3 = 'DELIVERED' THEN $6::timestamptz END,
           failed_at = CASE WHEN $3 = 'FAILED' THEN $6::timestamptz END
         WHERE id = $1 AND status = 'PENDING'`,
        [record.deliveryId, record.attempt, record.status, record.statusCode, record.error, record.finishedAt.toISOString()],
      );
    });
  }

  /** Ends a delivery FAILED without an attempt (its webhook deleted meanwhile, its notification gone). */
  async markFailed(id: string, at: Date, error: string, tx?: Transaction): Promise<void> {
    await (tx ?? this.dataSource).query(
      `UPDATE webhook_deliveries SET status = 'FAILED', failed_at = $2, last_error = $3 WHERE id = $1 AND status = 'PENDING'`,
      [id, at.toISOString(), error],
    );
  }

  /** The PENDING deliveries created before `before`, oldest first: the sweep makes sure each has its job. */
  async pendingBefore(before: Date, limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM webhook_deliveries WHERE status = 'PENDING' AND created_at < $1 ORDER BY created_at, id LIMIT $2`,
      [before.toISOString(), limit],
    );
    return rows.map((row) => row.id);
  }

  /** A webhook's deliveries, newest first, each with its attempts. */
  async log(webhookId: string, page: { page: number; pageSize: number }): Promise<{ rows: WebhookDeliveryView[]; total: number }> {
    const { offset, limit } = pageWindow(page);
    const raws: RawDelivery[] = await this.dataSource.query(
      `SELECT ${ROW} FROM webhook_deliveries WHERE webhook_id = $1 ORDER BY created_at DESC, id DESC OFFSET $2 LIMIT $3`,
      [webhookId, offset, limit],
    );
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM webhook_deliveries WHERE webhook_id = $1`, [webhookId]);
    const attempts = raws.length > 0 ? await this.attempts.of(raws.map((raw) => raw.id)) : new Map();
    return { rows: raws.map((raw) => ({ ...viewOf(raw), attemptLog: attempts.get(raw.id) ?? [] })), total };
  }
}

const viewOf = (raw: RawDelivery): Omit<WebhookDeliveryView, 'attemptLog'> => ({
  id: raw.id,
  notificationId: raw.notificationId,
  type: raw.type,
  status: raw.status,
  attempts: raw.attempts,
  createdAt: raw.createdAt.toISOString(),
  ...(raw.deliveredAt ? { deliveredAt: raw.deliveredAt.toISOString() } : {}),
  ...(raw.failedAt ? { failedAt: raw.failedAt.toISOString() } : {}),
  ...(raw.lastStatusCode !== null ? { lastStatusCode: raw.lastStatusCode } : {}),
  ...(raw.lastError !== null ? { lastError: raw.lastError } : {}),
});
