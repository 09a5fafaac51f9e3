import type { Transaction } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { WebhookAttemptRecord, WebhookAttemptView } from './webhook-delivery-view';

/** An attempt as its row reads: the fields of the record the job logged, but for what it left the delivery in. */
type RawAttempt = Omit<WebhookAttemptRecord, 'status' | 'finishedAt'>;

/** The `webhook_attempts` table: every POST of a delivery, once per number (a job run again logs nothing twice). */
@Injectable()
export class WebhookAttemptsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async add(tx: Transaction, record: WebhookAttemptRecord): Promise<void> {
    await tx.query(
      `INSERT INTO webhook_attempts (delivery_id, attempt, at, outcome, status_code, error, duration_ms)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
      [record.deliveryId, record.attempt, record.at.toISOString(), record.outcome, record.statusCode, record.error, Math.round(record.durationMs)],
    );
  }

  /** The attempts of these deliveries, oldest first, by delivery. */
  async of(deliveryIds: string[]): Promise<Map<string, WebhookAttemptView[]>> {
    const raws: RawAttempt[] = await this.dataSource.query(
      `SELECT delivery_id AS "deliveryId", attempt, at, outcome, status_code AS "statusCode", error, duration_ms AS "durationMs"
         FROM webhook_attempts WHERE delivery_id = ANY ($1) ORDER BY delivery_id, attempt`,
      [deliveryIds],
    );
    const byDelivery = new Map<string, WebhookAttemptView[]>();
    for (const raw of raws) {
      const log = byDelivery.get(raw.deliveryId) ?? [];
      log.push({
        attempt: raw.attempt,
        at: raw.at.toISOString(),
        outcome: raw.outcome,
        ...(raw.statusCode !== null ? { statusCode: raw.statusCode } : {}),
        ...(raw.error !== null ? { error: raw.error } : {}),
        durationMs: raw.durationMs,
      });
      byDelivery.set(raw.deliveryId, log);
    }
    return byDelivery;
  }
}
