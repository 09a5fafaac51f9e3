import type { NotificationType } from '@app/contracts';
import type { Transaction } from '@app/event-sourcing';
import { pageWindow } from '@app/service-kit';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { WebhookTarget, WebhookView } from './webhook-view';

interface RawWebhook {
  id: string;
  status: 'ACTIVE' | 'DELETED';
  version: number;
  url: string;
  events: NotificationType[];
  createdAt: Date;
  deletedAt: Date | null;
}

// Never `secret_sealed`: what is answered is read without it.
const ROW = `id, status, version, url, events, created_at AS "createdAt", deleted_at AS "deletedAt"`;

const viewOf = (raw: RawWebhook): WebhookView => ({
  id: raw.id,
  status: raw.status,
  version: raw.version,
  url: raw.url,
  events: raw.events,
  createdAt: raw.createdAt.toISOString(),
  ...(raw.deletedAt ? { deletedAt: raw.deletedAt.toISOString() } : {}),
});

export interface NewWebhook {
  id: string;
  org: string;
  url: string;
  events: NotificationType[];
  version: number;
  createdAt: Date;
}

/** The `webhooks` table: every read names the caller's org, so another org's webhook is not found. */
@Injectable()
export class WebhooksRepository {
  constructor(private readonly dataSource: DataSource) {}

  async register(tx: Transaction, webhook: NewWebhook): Promise<void> {
    await tx.query(
      `INSERT INTO webhooks (id, org, url, events, status, version, created_at) VALUES ($1, $2, $3, $4, 'ACTIVE', $5, $6) ON CONFLICT (id) DO NOTHING`,
      [webhook.id, webhook.org, webhook.url, webhook.events, webhook.version, webhook.createdAt.toISOString()],
    );
  }

  /** The secret as the service's text sealer sealed it: only its ciphertext is kept. */
  async keepSecret(tx: Transaction, id: string, secretSealed: string): Promise<void> {
    await tx.query(`UPDATE webhooks SET secret_sealed = $2 WHERE id = $1`, [id, secretSealed]);
  }

  async markDeleted(tx: Transaction, id: string, version: number, deletedAt: Date): Promise<void> {
    await tx.query(`UPDATE webhooks SET status = 'DELETED', version = $2, deleted_at = $3 WHERE id = $1`, [id, version, deletedAt.toISOString()]);
  }

  /** One webhook of the org, active or deleted; null when missing or another org's. */
  async view(id: string, org: string, tx?: Transaction): Promise<WebhookView | null> {
    const [raw] = await (tx ?? this.dataSource).query(`SELECT ${ROW} FROM webhooks WHERE id = $1 AND org = $2`, [id, org]);
    return raw ? viewOf(raw) : null;
  }

  /** The org's active webhooks, newest first (a deleted one is gone from the list). */
  async list(org: string, page: { page: number; pageSize: number }): Promise<{ rows: WebhookView[]; total: number }> {
    const { offset, limit } = pageWindow(page);
    const raws: RawWebhook[] = await this.dataSource.query(
      `SELECT ${ROW} FROM webhooks WHERE org = $1 AND status = 'ACTIVE' ORDER BY created_at DESC, id DESC OFFSET $2 LIMIT $3`,
      [org, offset, limit],
    );
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM webhooks WHERE org = $1 AND status = 'ACTIVE'`, [org]);
    return { rows: raws.map(viewOf), total };
  }

  /** The ids of the org's active webhooks that receive notifications of `type`. */
  async subscribedTo(org: string, type: NotificationType): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM webhooks WHERE org = $1 AND status = 'ACTIVE' AND $2 = ANY (events) ORDER BY id`,
      [org, type],
    );
    return rows.map((row) => row.id);
  }

  /** What a delivery job needs, whatever the webhook's status. */
  async target(id: string): Promise<WebhookTarget | null> {
    const [row] = await this.dataSource.query(`SELECT id, org, url, status, secret_sealed AS "secretSealed" FROM webhooks WHERE id = $1`, [id]);
    return row ?? null;
  }
}
